package dev.jlivepatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShadowTest {

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
}
