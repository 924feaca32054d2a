package dev.jlivepatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ResourceBundle;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShadowTest {
    private static final VarHandle LOG;
    private final List<String> reports = new ArrayList<>();

    static {
        try {
            LOG = MethodHandles.privateLookupIn(Shadow.class, MethodHandles.lookup())
                    .findStaticVarHandle(Shadow.class, "log", System.Logger.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Records what Shadow reports, as the agent's logger would receive it. */
    @BeforeEach
    void recordReports() {
        LOG.setVolatile(new Recorder(reports));
    }

    @AfterEach
    void jdkLogger() {
        LOG.setVolatile((System.Logger) null);
    }

    @Test
    void allocGetFree() {
        Object obj = new Object();
        assertNull(Shadow.get(obj, 1));
        AtomicInteger made = Shadow.alloc(obj, 1, AtomicInteger::new);
        assertSame(made, Shadow.get(obj, 1));
        assertNull(Shadow.alloc(obj, 1, AtomicInteger::new), "a second alloc of the same id returns null");
        List<Object> freed = new ArrayList<>();
        Shadow.<AtomicInteger>free(obj, 1, freed::add);
        assertEquals(List.of(made), freed);
        assertNull(Shadow.get(obj, 1));
    }

    @Test
    void identityNotEquality() {
        String a = new String("same");
        String b = new String("same");
        Shadow.alloc(a, 2, () -> "for a");
        assertNull(Shadow.get(b, 2), "equal but distinct objects have separate shadows");
        assertEquals("for a", Shadow.get(a, 2));
        Shadow.free(a, 2);
    }

    @Test
    void freeAllCallsDestructorForEachLiveObject() {
        Object x = new Object();
        Object y = new Object();
        Shadow.alloc(x, 3, () -> 10);
        Shadow.alloc(y, 3, () -> 20);
        Shadow.alloc(y, 4, () -> 40);
        AtomicInteger sum = new AtomicInteger();
        Shadow.<Integer>freeAll(3, (obj, v) -> sum.addAndGet(v));
        assertEquals(30, sum.get());
        assertNull(Shadow.get(x, 3));
        assertEquals(40, (int) Shadow.get(y, 4), "other ids stay");
        Shadow.freeAll(4);
    }

    @Test
    void getOrAllocRunsConstructorOnceUnderContention() throws Exception {
        Object obj = new Object();
        AtomicInteger constructed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            results.add(pool.submit(() -> Shadow.getOrAlloc(obj, 5, () -> {
                constructed.incrementAndGet();
                return new Object();
            })));
        }
        Object first = results.get(0).get();
        for (Future<Object> f : results) {
            assertSame(first, f.get());
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1, constructed.get());
    }

    @Test
    void shadowDoesNotKeepItsObjectAlive() throws Exception {
        Object obj = new Object();
        Shadow.alloc(obj, 6, () -> "payload");
        WeakReference<Object> ref = new WeakReference<>(obj);
        obj = null;
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(ref.get(), "the object was collected despite its shadow variable");
    }

    /** Would catch a constructor called without its object or the caller's data (the kernel's ctor(obj, data)). */
    @Test
    void theConstructorGetsTheObjectAndTheCallersData() {
        Object obj = new Object();
        List<Object> seen = new ArrayList<>();
        Shadow.Ctor<String, Integer> ctor = (o, data) -> {
            seen.add(o);
            seen.add(data);
            return "made from " + data;
        };
        assertEquals("made from 7", Shadow.alloc(obj, 10, ctor, 7));
        assertEquals("made from 7", Shadow.getOrAlloc(obj, 10, ctor, 8), "there already: not made again");
        assertEquals("made from 9", Shadow.getOrAlloc(obj, 11, ctor, 9));
        assertEquals(List.of(obj, 7, obj, 9), seen);
        assertEquals(List.of(), reports, "get-or-alloc of a variable that exists does not warn");
        Shadow.free(obj, 10);
        Shadow.free(obj, 11);
    }

    /**
     * Would catch a failed constructor that leaves a variable (or a null
     * mapping) behind, or one whose failure goes unreported: returning null
     * makes alloc and getOrAlloc return null, throwing reaches the caller;
     * both log an error, and a later alloc of the same id works.
     */
    @Test
    void aFailingConstructorLeavesNothingBehind() {
        Object obj = new Object();
        assertNull(Shadow.alloc(obj, 12, (o, d) -> null, "data"));
        assertNull(Shadow.get(obj, 12));
        assertNull(Shadow.getOrAlloc(obj, 12, () -> null));
        assertNull(Shadow.get(obj, 12));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Shadow.getOrAlloc(obj, 12, (o, d) -> {
                    throw new IllegalStateException("no room");
                }, null));
        assertEquals("no room", thrown.getMessage());
        assertNull(Shadow.get(obj, 12));
        String var = "<java.lang.Object@" + Integer.toHexString(System.identityHashCode(obj)) + ", 0xc>";
        assertEquals(List.of(
                "ERROR failed to construct shadow variable " + var + ": the constructor returned null",
                "ERROR failed to construct shadow variable " + var + ": the constructor returned null",
                "ERROR failed to construct shadow variable " + var + ": java.lang.IllegalStateException: no room"),
                reports);
        assertEquals("fine", Shadow.alloc(obj, 12, () -> "fine"), "nothing was left to make it a duplicate");
        assertEquals(3, reports.size());
        Shadow.free(obj, 12);
    }

    /**
     * Would catch a duplicate alloc that replaces the variable, runs its
     * constructor, or returns quietly: the kernel warns and returns NULL.
     */
    @Test
    void aDuplicateAllocWarnsAndChangesNothing() {
        Object obj = new Object();
        AtomicInteger made = new AtomicInteger();
        Shadow.Ctor<AtomicInteger, Integer> ctor = (o, d) -> {
            made.incrementAndGet();
            return new AtomicInteger(d);
        };
        AtomicInteger first = Shadow.alloc(obj, 13, ctor, 1);
        assertNull(Shadow.alloc(obj, 13, ctor, 2));
        assertNull(Shadow.alloc(obj, 13, AtomicInteger::new));
        assertSame(first, Shadow.get(obj, 13));
        assertEquals(1, made.get(), "the constructor ran for the first alloc only");
        String var = "<java.lang.Object@" + Integer.toHexString(System.identityHashCode(obj)) + ", 0xd>";
        assertEquals(List.of("WARNING duplicate shadow variable " + var, "WARNING duplicate shadow variable " + var),
                reports);
        Shadow.free(obj, 13);
    }

    /** Without the agent's logger, reports go to the JDK's System.Logger named jlivepatch. */
    @Test
    void withoutTheAgentReportsGoToTheJdkLogger() {
        LOG.setVolatile((System.Logger) null);
        Object obj = new Object();
        Shadow.alloc(obj, 14, () -> "x");
        Shadow.alloc(obj, 14, () -> "y");
        assertEquals("jlivepatch", ((System.Logger) LOG.getVolatile()).getName());
        Shadow.free(obj, 14);
    }

    /** A System.Logger that keeps "LEVEL message". */
    private static final class Recorder implements System.Logger {
        private final List<String> lines;

        Recorder(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public String getName() {
            return "jlivepatch";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }
    }
}
