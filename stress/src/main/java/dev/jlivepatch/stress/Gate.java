package dev.jlivepatch.stress;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jar's main class: runs jcstress ({@code org.openjdk.jcstress.Main}) with
 * the given arguments, then exits non-zero if any test failed (a FORBIDDEN
 * outcome showed) or erred, or if no test ran. jcstress 0.16's own main throws
 * on FORBIDDEN outcomes but returns normally when no test matched, and the
 * build should not depend on how it ends: the gate judges the summary.
 *
 * <p>It reads jcstress's closing summary ("RUN RESULTS:", then one line per
 * category, "Failed tests: No matches." when there are none) from a copy of
 * standard output.
 */
public final class Gate {
    private static final Pattern CATEGORY = Pattern.compile("^\\s*(Interesting|Failed|Error|All remaining) tests: (.*)$",
            Pattern.MULTILINE);
    private static final Pattern COUNT = Pattern.compile("(\\d+) matching test results?");

    private Gate() {
    }

    /**
     * Runs jcstress and judges its summary.
     *
     * @param args jcstress's arguments, e.g. {@code -m default} or {@code -t ThreadState}
     * @throws Exception whatever jcstress throws
     */
    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(new Tee(console, copy), true, StandardCharsets.UTF_8));
        try {
            org.openjdk.jcstress.Main.main(args);
        } finally {
            System.out.flush();
            System.setOut(console);
        }
        String verdict = judge(copy.toString(StandardCharsets.UTF_8));
        if (verdict != null) {
            System.err.println("jcstress: " + verdict);
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Reads jcstress's summary.
     *
     * @param output what jcstress printed
     * @return why the run fails, or {@code null} when it passes
     */
    static String judge(String output) {
        int start = output.lastIndexOf("RUN RESULTS:");
        if (start < 0) {
            return "no summary (\"RUN RESULTS:\") in jcstress's output: the run did not complete";
        }
        int ran = 0;
        int failed = 0;
        Matcher m = CATEGORY.matcher(output.substring(start));
        while (m.find()) {
            int n = count(m.group(2));
            ran += n;
            if (m.group(1).equals("Failed") || m.group(1).equals("Error")) {
                failed += n;
            }
        }
        if (failed > 0) {
            return failed + " test result(s) failed or erred (a FORBIDDEN outcome, or an error): see above";
        }
        if (ran == 0) {
            return "no test ran (check the -t selector and that the machine has 2 CPUs for 2-actor tests)";
        }
        return null;
    }

    private static int count(String text) {
        Matcher m = COUNT.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
