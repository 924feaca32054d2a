package dev.jlivepatch.bench.linkage;

/**
 * What the traced JDK methods call (defined in the bootstrap loader by {@link Tracer}): which classes had a
 * method run on a thread while that thread was inside one of the roots. Per thread by thread id (modulo
 * 65536, no {@code ThreadLocal}: this class must use nothing that is itself traced). Plain arrays, no locks:
 * a lost update under a race only hides a class that the same code path records again on its next call.
 */
public final class Trace {
    /** Root kinds. */
    public static final int LINK = 0;
    /** The JVMTI class-file load hook: the agents' transformers. */
    public static final int TRANSFORM = 1;
    /** A class loader's {@code loadClass(String)}, as the JVM calls it to resolve a class. */
    public static final int LOAD = 2;
    /** The agent's stubs: {@code Dispatch.enter/select}, {@code FuncSite.select}. */
    public static final int DISPATCH = 3;
    /** Number of root kinds. */
    public static final int KINDS = 4;
    /**
     * Not a root: code that runs inside a root but cannot re-enter a patched method (the tracer's own
     * transformer; the agent's stack walk, under its own guard). Nothing is recorded inside it.
     */
    public static final int SUSPEND = 4;
    /** Largest number of traced classes. */
    public static final int MAX_CLASSES = 1 << 16;
    private static final int THREADS = 1 << 16;

    /** {@code SEEN[kind][classId]}: a method of the class ran inside a root of that kind. */
    public static final boolean[][] SEEN = new boolean[KINDS][MAX_CLASSES];
    private static final int[][] DEPTH = new int[KINDS + 1][THREADS];
    private static final boolean[] ANY = new boolean[THREADS];
    /** {@code WHY[kind][classId]}: the stack of the first hit, when {@link #why} is on. */
    public static final StackTraceElement[][][] WHY = new StackTraceElement[KINDS][MAX_CLASSES][];
    /** Whether to keep the stack of each first hit. */
    public static boolean why;

    private Trace() {
    }

    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+
    private static int thread() {
        return (int) Thread.currentThread().getId() & (THREADS - 1);
    }

    /**
     * A traced method starts.
     *
     * @param id its class's id
     */
    public static void hit(int id) {
        int t = thread();
        if (ANY[t] && !suspended(t)) {
            for (int k = 0; k < KINDS; k++) {
                if (DEPTH[k][t] > 0 && !SEEN[k][id]) {
                    SEEN[k][id] = true;
                    if (why) {
                        DEPTH[SUSPEND][t]++;
                        WHY[k][id] = Thread.currentThread().getStackTrace();
                        DEPTH[SUSPEND][t]--;
                    }
                }
            }
        }
    }

    /**
     * A root starts.
     *
     * @param kind its kind
     */
    public static void enter(int kind) {
        int t = thread();
        DEPTH[kind][t]++;
        ANY[t] = true;
    }

    /**
     * A root returns or throws.
     *
     * @param kind its kind
     */
    public static void exit(int kind) {
        int t = thread();
        DEPTH[kind][t]--;
        boolean any = false;
        for (int k = 0; k <= KINDS; k++) {
            any |= DEPTH[k][t] > 0;
        }
        ANY[t] = any;
    }

    /**
     * Whether this thread records nothing for the moment (the tracer's own transformer, the agent's guarded
     * stack walk).
     */
    private static boolean suspended(int t) {
        return DEPTH[SUSPEND][t] > 0;
    }
}
