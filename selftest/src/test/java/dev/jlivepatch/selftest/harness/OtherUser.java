package dev.jlivepatch.selftest.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A second, unprivileged local user for the security tests: {@code nobody},
 * through {@code setpriv}, which needs the tests to run as root. Where that is
 * not possible, a test that needs it is skipped, and says so on stdout.
 */
public final class OtherUser {
    /** nobody's uid. */
    public static final int UID = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private OtherUser() {
    }

    /** Whether the tests can act as another user here. */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV);
    }

    /** Skips the test, visibly, when there is no other user to act as. */
    public static void assume(String what) {
        Assumptions.assumeTrue(available(), () -> {
            String why = "SKIPPED: " + what + " needs the tests to run as root with " + SETPRIV
                    + ", to act as the unprivileged user 'nobody'";
            System.out.println(why);
            return why;
        });
    }

    /** The prefix that runs a command as nobody. */
    public static List<String> prefix() {
        return List.of(SETPRIV.toString(), "--reuid=" + UID, "--regid=" + UID, "--clear-groups", "--");
    }

    /**
     * What one command run as nobody did.
     *
     * @param exit its status
     * @param output its stdout and stderr together
     */
    public record Result(int exit, String output) {
    }

    /** Runs a shell script as nobody. */
    public static Result sh(String script) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of("/bin/sh", "-c", script));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), out.trim());
    }
}
