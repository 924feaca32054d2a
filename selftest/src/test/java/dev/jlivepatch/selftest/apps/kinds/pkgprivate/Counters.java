package dev.jlivepatch.selftest.apps.kinds.pkgprivate;

/** The public face the application calls; everything it does goes through {@link Counter}. */
public final class Counters {
    private Counters() {
    }

    /** One round over fresh counters: next, copy, merge and an array of them. */
    public static String run() {
        Counter a = new Counter("a", 1);
        Counter b = new Counter("b", 10);
        int next = a.next();
        Counter c = a.copy("'");
        Counter m = Counter.merge(a, b);
        Counter[] p = Counter.pair(b);
        return "next=" + next + " copy=" + c.show() + " merge=" + m.show() + " pair=" + p.length + ":" + p[1].show();
    }

    /** Where a stack trace through a patched method points, up to this method: each frame and whether it has a line. */
    public static String trace() {
        try {
            new Counter("t", -1).copy(null);
            return "no exception";
        } catch (RuntimeException e) {
            StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
            for (StackTraceElement f : e.getStackTrace()) {
                sb.append(" | ").append(f.getClassName().replaceAll(".*\\.", "")).append('.')
                        .append(f.getMethodName()).append(':').append(f.getLineNumber() > 0 ? "line" : "none");
                if (f.getMethodName().equals("trace")) {
                    break;
                }
            }
            return sb.toString();
        }
    }
}
