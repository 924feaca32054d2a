package dev.jlivepatch.selftest.attach;

import static dev.jlivepatch.selftest.attach.Fixtures.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.OtherUser;
import dev.jlivepatch.selftest.harness.Run;
import dev.jlivepatch.selftest.harness.Sockets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line's door into a running JVM (issue 10, door 4): {@code load}
 * leaves the JVM listening on nothing more than the JDK's own attach socket,
 * and on no TCP port at all, while every command keeps working; the agent's
 * control directory is closed to another user, who cannot look into it or put
 * a socket there, and who cannot use the command line on the JVM either.
 */
class ChannelSecurityTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void loadLeavesNoNewListeningSocket(Jdk jdk) throws Exception {
        Assumptions.assumeTrue(Sockets.available(), () -> {
            System.out.println("SKIPPED: counting a process's listening sockets needs Linux's /proc/net");
            return "no /proc/net";
        });
        Path dir = Run.workDir("security-channel-" + jdk);
        try (Target t = Target.start(jdk, Target.appJar(dir))) {
            assertEquals(List.of(), Sockets.listening(t.pid()), "a JVM nobody attached to listens on nothing");
            CliRun.run(jdk, "status", t.pid()).ok(); // the first attach starts the JDK's attach listener
            List<String> before = Sockets.listening(t.pid());
            // The JDK binds its attach socket under a .tmp name and renames it; /proc/net/unix shows the first.
            assertEquals(1, before.size(), before::toString);
            assertTrue(before.get(0).matches("unix /tmp/\\.java_pid" + t.pid() + "(\\.tmp)?"), before::toString);

            CliRun.run(jdk, "load", t.pid(), Fixtures.v1(dir)).ok();
            assertEquals(V1, t.ask("call"));
            CliRun.run(jdk, "status", t.pid(), "--json").ok();
            CliRun.run(jdk, "disable", t.pid(), "v1").ok();
            assertEquals(before, Sockets.listening(t.pid()), "load, status and disable opened no listening socket");
            assertEquals("1", t.ask("mbeans"), "the MBean stays registered for in-JVM and configured JMX clients");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void anotherUserCannotReachTheAgent(Jdk jdk) throws Exception {
        OtherUser.assume("another user trying the agent's control directory");
        Path dir = Run.workDir("security-channel-user-" + jdk);
        try (Target t = Target.start(jdk, Target.appJar(dir))) {
            CliRun.run(jdk, "load", t.pid(), Fixtures.v1(dir)).ok();
            Path control = Path.of(t.ask("control"));
            assertNotEquals("null", control.toString());
            assertEquals(0, Files.getAttribute(control, "unix:uid", LinkOption.NOFOLLOW_LINKS), "the JVM's user's");
            assertEquals(040700, Files.getAttribute(control, "unix:mode", LinkOption.NOFOLLOW_LINKS));

            OtherUser.Result look = OtherUser.sh("ls " + control);
            assertNotEquals(0, look.exit(), look::output);
            assertTrue(look.output().contains("Permission denied"), look::output);
            OtherUser.Result plant = OtherUser.sh("touch " + control + "/cli-planted.sock");
            assertNotEquals(0, plant.exit(), plant::output);
            assertTrue(plant.output().contains("Permission denied"), plant::output);
            OtherUser.Result replace = OtherUser.sh("mv " + control + " " + control + ".x");
            assertNotEquals(0, replace.exit(), replace::output);

            // No TCP port to try, and the command line itself is refused by the attach rule.
            assertTrue(Sockets.listening(t.pid()).stream().noneMatch(s -> s.startsWith("tcp")));
            Path open = Files.createTempDirectory("jlivepatch-otheruser-");
            try {
                Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                Path jar = Files.copy(Run.AGENT, open.resolve("jlivepatch.jar"));
                Files.setPosixFilePermissions(jar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                CliRun.run(OtherUser.prefix(), jdk.java(), jar, open, "disable", t.pid(), "v1").fails(1, "JVM "
                        + t.pid() + " belongs to user 'root', and a JVM accepts attach only from its own user (or"
                        + " root): run this command as that user, e.g. sudo -u root java -jar jlivepatch.jar ...");
                Files.delete(jar);
            } finally {
                Files.delete(open);
            }
            assertEquals(V1, t.ask("call"), "the patch is still enabled");
        }
    }
}
