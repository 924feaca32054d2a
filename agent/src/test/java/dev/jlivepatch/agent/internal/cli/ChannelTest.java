package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.control.ControlSession;
import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.PatchInfo;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control channel end to end in one JVM: the agent's session serving a
 * fake agent, the command line's {@link RemoteAgent} calling it. Every
 * operation and value type crosses, refusals keep their reason, and the
 * channel's hello is checked.
 */
class ChannelTest {
    private static final long SELF = ProcessHandle.current().pid();
    private static final BlockerInfo WORKER = new BlockerInfo("worker", 7, false, "com.example.Greeter.greet(G.java:1)");
    @TempDir
    Path tmp;

    private RemoteAgent connect(FakeAgent fake) throws Exception {
        Path socket = tmp.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread agentSide = new Thread(() -> {
                try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    new ControlSession(fake, ch).serve();
                } catch (Exception e) {
                    // the test's side closed
                }
            });
            agentSide.setDaemon(true);
            agentSide.start();
            return Channel.hello(SELF, new Channel(server.accept()));
        }
    }

    @Test
    void everyOperationCrosses() throws Exception {
        FakeAgent fake = new FakeAgent().with("a", true);
        fake.transitionMillis = FakeAgent.NEVER;
        try (RemoteAgent agent = connect(fake)) {
            assertEquals("test", agent.getVersion());
            assertEquals("fix", agent.load("/p/fix.jar", true));
            assertEquals(List.of("/p/fix.jar deferred"), fake.loads);
            assertFalse(agent.awaitTransition(10));
            fake.blockers = List.of(WORKER);
            assertEquals(WORKER.toString(), agent.getBlockingThreads().get(0).toString());
            assertEquals(List.of(WORKER.toString()), agent.getBlockers());
            List<PatchInfo> patches = agent.getPatches();
            assertEquals(List.of("a", "fix"), patches.stream().map(PatchInfo::getId).toList());
            PatchInfo fix = patches.get(1);
            assertEquals("patching", fix.getTransition());
            assertEquals(2, fix.getStackOrder());
            assertEquals("com.example.Greeter", fix.getTargets().get(0).getClassName());
            assertEquals(List.of("greet(Ljava/lang/String;)Ljava/lang/String;"), fix.getTargets().get(0).getMethods());
            assertTrue(fix.getTargets().get(0).isPatched());
            agent.force("fix");
            assertTrue(agent.awaitTransition(1000));
        }
    }

    @Test
    void refusalsKeepTheAgentsReason() throws Exception {
        try (RemoteAgent agent = connect(new FakeAgent())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> agent.disable("none"));
            assertEquals("no patch 'none' is loaded", e.getMessage());
            // The connection goes on after a refusal.
            e = assertThrows(IllegalStateException.class, () -> agent.enable("other"));
            assertEquals("no patch 'other' is loaded", e.getMessage());
            assertEquals("test", agent.getVersion());
        }
    }

    @Test
    void aPeerThatIsNotTheJvmIsRefused() throws Exception {
        FakeAgent fake = new FakeAgent();
        Failure f = assertThrows(Failure.class, () -> {
            Path socket = tmp.resolve("s.sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                Thread t = new Thread(() -> {
                    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                        new ControlSession(fake, ch).serve();
                    } catch (Exception e) {
                        // closed
                    }
                });
                t.setDaemon(true);
                t.start();
                Channel.hello(SELF + 1, new Channel(server.accept())); // another pid than the one attached to
            }
        });
        assertTrue(f.getMessage().startsWith("the agent in JVM " + (SELF + 1) + " did not greet this command as a"
                + " jlivepatch agent of the same protocol"), f.getMessage());
    }
}
