package dev.jlivepatch.selftest.attach;

import static dev.jlivepatch.selftest.attach.Fixtures.ORIGINAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each attach failure a user meets gets exit status 1 and one line naming the
 * cause and the fix: no such process, a process that is no JVM (and it is not
 * harmed: JDK 17's attach would have killed it with SIGQUIT), a JVM started
 * with -XX:+DisableAttachMechanism, the command's own JVM, another user's JVM.
 * (A target older than Java 17 cannot be started here: JavaVersionTest in the
 * agent covers that check.)
 */
class AttachFailuresTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void noSuchProcess(Jdk jdk) throws Exception {
        Path dir = Run.workDir("attach-nopid-" + jdk);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long pid = gone.pid();
        String reason = "no process with pid " + pid + " (see 'java -jar jlivepatch.jar jvms' for the JVMs you can"
                + " attach to)";
        CliRun.run(jdk, "load", pid, Fixtures.v1(dir)).fails(1, reason);
        CliRun.run(jdk, "status", pid).fails(1, reason);
        Map<String, Object> json = CliRun.run(jdk, "enable", pid, "v1", "--json").fails(1, reason).json();
        assertEquals(reason, json.get("error"));
        assertEquals(pid, json.get("pid"));
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void processThatIsNoJvmIsLeftAlone(Jdk jdk) throws Exception {
        Path dir = Run.workDir("attach-notjvm-" + jdk);
        Process sleep = new ProcessBuilder("sleep", "120").start();
        try {
            CliRun.run(jdk, "load", sleep.pid(), Fixtures.v1(dir)).failsWith(1, "process " + sleep.pid() + " (",
                    "sleep) is not a JVM that accepts attach: it neither handles SIGQUIT, the signal that starts a JVM's"
                    + " attach listener, nor has that listener running");
            assertTrue(sleep.isAlive(), "the process was not sent SIGQUIT");
        } finally {
            sleep.destroy();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void jvmThatDisablesAttach(Jdk jdk) throws Exception {
        Path dir = Run.workDir("attach-disabled-" + jdk);
        try (Target t = Target.start(jdk, Target.appJar(dir), "-XX:+DisableAttachMechanism")) {
            String reason = "JVM " + t.pid() + " was started with -XX:+DisableAttachMechanism and refuses every"
                    + " attach: restart it without that flag, or with -javaagent:jlivepatch.jar to patch it from"
                    + " startup";
            CliRun.run(jdk, "load", t.pid(), Fixtures.v1(dir)).fails(1, reason);
            CliRun.run(jdk, "status", t.pid()).fails(1, reason);
            CliRun.run(jdk, "jvms").ok().neverSays(t.pid() + " ");
            assertEquals(ORIGINAL, t.ask("call"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void itsOwnJvm(Jdk jdk) throws Exception {
        Path dir = Run.workDir("attach-self-" + jdk);
        // exec keeps the shell's pid: the command line is handed its own pid, as "$$" in a script would.
        CliRun self = CliRun.exec(List.of("sh", "-c", "exec \"$0\" -jar \"$1\" load $$ \"$2\"",
                jdk.java().toString(), Run.AGENT.toString(), Fixtures.v1(dir).toString()), null);
        assertEquals(1, self.exit, self::toString);
        assertEquals(1, self.err.size(), self::toString);
        assertTrue(self.err.get(0).matches("jlivepatch: pid \\d+ is this command's own JVM, not the application's:"
                + " give the pid of the JVM to patch \\(see 'java -jar jlivepatch.jar jvms'\\)"), self::toString);
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void anotherUsersJvm(Jdk jdk) throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        boolean possible = "root".equals(System.getProperty("user.name")) && Files.isExecutable(setpriv);
        Assumptions.assumeTrue(possible, () -> {
            String why = "SKIPPED: another user's JVM needs the test to run as root with setpriv, to run the command"
                    + " line as 'nobody' against a JVM of root";
            System.out.println(why);
            return why;
        });
        Path dir = Run.workDir("attach-otheruser-" + jdk);
        // Somewhere 'nobody' can read the command line's jar and the patch, whatever the checkout's permissions.
        Path open = Files.createTempDirectory("jlivepatch-otheruser-");
        try {
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path jar = Files.copy(Run.AGENT, open.resolve("jlivepatch.jar"), StandardCopyOption.REPLACE_EXISTING);
            Path patch = Files.copy(Fixtures.v1(dir), open.resolve("v1.jar"), StandardCopyOption.REPLACE_EXISTING);
            for (Path p : List.of(jar, patch)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (Target t = Target.start(jdk, Target.appJar(dir))) {
                CliRun asNobody = CliRun.run(List.of(setpriv.toString(), "--reuid=nobody", "--regid=nogroup",
                        "--clear-groups", "--"), jdk.java(), jar, open, "load", t.pid(), patch);
                asNobody.fails(1, "JVM " + t.pid() + " belongs to user 'root', and a JVM accepts attach only from its"
                        + " own user (or root): run this command as that user, e.g. sudo -u root java -jar"
                        + " jlivepatch.jar ...");
                assertEquals(ORIGINAL, t.ask("call"));
                assertEquals("null", t.ask("property"), "no agent was loaded");
            }
        } finally {
            try (var files = Files.list(open)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(open);
        }
    }
}
