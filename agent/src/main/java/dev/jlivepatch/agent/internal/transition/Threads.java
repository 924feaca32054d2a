package dev.jlivepatch.agent.internal.transition;

import dev.jlivepatch.agent.internal.log.Log;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The threads a transition must cover, with their stacks, in batches: the
 * platform threads in one safepoint ({@link Thread#getAllStackTraces}), or a
 * few when few of them run ({@link #stacks}), never one by one (each look at
 * a running thread waits for it to stop, which on a loaded machine takes as
 * long as one batch for all). Virtual threads are
 * not in that batch; on JDK 21 and later they are found in the JDK's thread
 * containers (which track every virtual thread by default since JDK 21) and
 * read one by one, which for an unmounted virtual thread costs no safepoint.
 */
public final class Threads {
    private static volatile MethodHandle roots;
    private static final MethodHandle IS_VIRTUAL = isVirtual();
    /** Platform threads per batch when few run. */
    static final int BATCH = 200;
    /** Runnable threads per core above which the platform threads are taken in one batch. */
    private static final int RUNNING_PER_CORE = 4;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private Threads() {
    }

    /**
     * Opens the JDK's thread containers to the agent, where the JDK has them.
     *
     * @param inst the instrumentation, to open {@code jdk.internal.vm}
     */
    public static void init(Instrumentation inst) {
        if (IS_VIRTUAL == null || Runtime.version().feature() < 21) {
            return;
        }
        try {
            Class<?> containers = Class.forName("jdk.internal.vm.ThreadContainers");
            Class<?> container = Class.forName("jdk.internal.vm.ThreadContainer");
            Module base = Object.class.getModule();
            Module mine = Threads.class.getModule();
            inst.redefineModule(base, Set.of(), Map.of("jdk.internal.vm", Set.of(mine)), Map.of(), Set.of(), Map.of());
            Method root = containers.getMethod("root");
            Method children = container.getMethod("children");
            Method threads = container.getMethod("threads");
            MethodHandles.Lookup l = MethodHandles.lookup();
            MethodHandle r = l.unreflect(root);
            MethodHandle c = l.unreflect(children).asType(MethodType.methodType(Stream.class, Object.class));
            MethodHandle t = l.unreflect(threads).asType(MethodType.methodType(Stream.class, Object.class));
            roots = MethodHandles.insertArguments(
                    l.findStatic(Threads.class, "walk", MethodType.methodType(List.class, Object.class,
                            MethodHandle.class, MethodHandle.class)), 1, c, t).bindTo(r.invoke());
        } catch (Throwable e) {
            Log.warn("virtual threads are covered only when they enter a patched method: "
                    + "this JDK's thread containers cannot be read (" + e + ")");
        }
    }

    /** Whether a thread is virtual. */
    static boolean virtual(Thread t) {
        try {
            return IS_VIRTUAL != null && (boolean) IS_VIRTUAL.invokeExact(t);
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Every live thread with its stack: the platform threads in batches, then
     * the virtual threads, then any of {@code known} not seen yet.
     *
     * <p>A batch is one safepoint, as long as it takes to walk every stack in
     * it: with 1,000 idle threads 30 frames deep, 35 ms on JDK 17, three times
     * a class redefinition's. So when few threads run, the platform threads
     * are taken {@value #BATCH} at a time, each batch a short safepoint (the
     * threads reach it at once). When many run, reaching a safepoint is what
     * takes long (every running thread must get a core to stop), once per
     * batch: then they are all taken in one.
     *
     * <p>A thread that has switched by the time its batch (or, virtual, its
     * own look) comes is left out: it stays switched until a reversal, which
     * waits for the round, so the round has nothing to do with it. While the
     * round runs, busy threads switch themselves; this spares their stacks.
     *
     * @param switched whether a thread has switched
     */
    static Map<Thread, StackTraceElement[]> stacks(Iterable<Thread> known, Predicate<Thread> switched) {
        Map<Thread, StackTraceElement[]> out;
        Thread[] platform = platformThreads();
        if (platform == null || platform.length <= BATCH || running(platform) > RUNNING_PER_CORE * CORES) {
            out = new HashMap<>(Thread.getAllStackTraces());
        } else {
            out = new HashMap<>();
            for (int from = 0; from < platform.length; from += BATCH) {
                List<Thread> batch = new ArrayList<>();
                for (int i = from; i < Math.min(platform.length, from + BATCH); i++) {
                    if (!switched.test(platform[i])) {
                        batch.add(platform[i]);
                    }
                }
                out.putAll(stacksOf(batch));
            }
        }
        for (Thread v : virtualThreads()) {
            if (!switched.test(v)) {
                out.computeIfAbsent(v, Thread::getStackTrace);
            }
        }
        for (Thread t : known) {
            if (t.isAlive() && !switched.test(t)) {
                out.computeIfAbsent(t, Thread::getStackTrace);
            }
        }
        return out;
    }

    /** Every live platform thread, without a safepoint; null if the thread groups cannot tell. */
    private static Thread[] platformThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        if (root == null) {
            return null; // a virtual thread that has terminated cannot run this; be safe
        }
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(all, true)) == all.length) {
            all = new Thread[all.length * 2];
        }
        return java.util.Arrays.copyOf(all, n);
    }

    /** How many threads are runnable now: a thread's state is a field, read without stopping it. */
    private static int running(Thread[] threads) {
        int n = 0;
        for (Thread t : threads) {
            if (t.getState() == Thread.State.RUNNABLE) {
                n++;
            }
        }
        return n;
    }

    /**
     * The stacks of some threads: the platform ones in one batch that walks
     * only their stacks, the virtual ones one by one. Dead threads are left out.
     */
    static Map<Thread, StackTraceElement[]> stacksOf(Collection<Thread> threads) {
        Map<Thread, StackTraceElement[]> out = new HashMap<>();
        Map<Long, Thread> platform = new HashMap<>();
        for (Thread t : threads) {
            if (!t.isAlive()) {
                continue;
            }
            if (virtual(t)) {
                out.put(t, t.getStackTrace());
            } else {
                platform.put(t.getId(), t);
            }
        }
        if (!platform.isEmpty()) {
            long[] ids = platform.keySet().stream().mapToLong(Long::longValue).toArray();
            for (ThreadInfo info : ManagementFactory.getThreadMXBean().getThreadInfo(ids, Integer.MAX_VALUE)) {
                if (info != null) {
                    out.put(platform.get(info.getThreadId()), info.getStackTrace());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Thread> virtualThreads() {
        MethodHandle r = roots;
        if (r == null) {
            return List.of();
        }
        try {
            return (List<Thread>) r.invoke();
        } catch (Throwable e) {
            roots = null;
            Log.warn("virtual threads are covered only when they enter a patched method from now on: " + e);
            return List.of();
        }
    }

    @SuppressWarnings({"unused", "unchecked"}) // through roots
    private static List<Thread> walk(Object root, MethodHandle children, MethodHandle threads) throws Throwable {
        List<Thread> out = new ArrayList<>();
        List<Object> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Object c = todo.remove(todo.size() - 1);
            ((Stream<Thread>) threads.invokeExact(c)).filter(Threads::virtual).forEach(out::add);
            ((Stream<Object>) children.invokeExact(c)).forEach(todo::add);
        }
        return out;
    }

    private static MethodHandle isVirtual() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            return null; // before JDK 19 there are no virtual threads
        }
    }
}
