package dev.jlivepatch.selftest.apps.lifecycle;

import dev.jlivepatch.api.Shadow;
import dev.jlivepatch.selftest.apps.Ctl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kernel's test_klp_shadow_vars module, run by the application against
 * the one {@code Shadow} class of the JVM: each call is echoed with its
 * arguments and result, objects named {@code PTRn} by first appearance
 * ({@code PTR0} is null) as the kernel's {@code ptr_id} names pointers. A
 * shadow variable is an {@link AtomicReference} to its constructor's data,
 * as the kernel's is a pointer to it.
 *
 * <p>Past the kernel's passes: a duplicate {@code alloc} (the agent warns, the
 * call returns null), a constructor that returns null and one that throws
 * (nothing is attached). For the agent's lines, which name objects by class and
 * identity hash, each object is announced once as {@code OUT ptr PTRn CLASS@HASH}
 * so that the test can name it the same way.
 */
final class ShadowVars {
    private static final long SV_ID1 = 0x1234;
    private static final long SV_ID2 = 0x1235;
    private static final long SV_ID3 = 0x1236;
    private static final int NUM_OBJS = 3;
    private static final List<Object> PTRS = new ArrayList<>();
    private static final Shadow.Ctor<AtomicReference<Object>, Object> CTOR = ShadowVars::shadowCtor;

    private ShadowVars() {
    }

    /** The kernel module's init: passes 1 to 6, then duplicates and failing constructors. */
    static void run() {
        ptr(null);
        Object[] objs = new Object[NUM_OBJS];
        for (int i = 0; i < NUM_OBJS; i++) {
            objs[i] = new Object();
        }
        if (get(objs[0], SV_ID1) == null) {
            Ctl.out("  got expected NULL result");
        }
        // pass 1: a pair of shadow variables for each object, the first by alloc or get-or-alloc
        Object[] fields1 = new Object[NUM_OBJS];
        Object[] fields2 = new Object[NUM_OBJS];
        List<AtomicReference<Object>> sv1 = new ArrayList<>();
        List<AtomicReference<Object>> sv2 = new ArrayList<>();
        for (int i = 0; i < NUM_OBJS; i++) {
            fields1[i] = new char[1];
            ptr(fields1[i]);
            sv1.add(i % 2 == 1 ? alloc(objs[i], SV_ID1, fields1[i]) : getOrAlloc(objs[i], SV_ID1, fields1[i]));
            fields2[i] = new int[1];
            ptr(fields2[i]);
            sv2.add(alloc(objs[i], SV_ID2, fields2[i]));
            announce(objs[i]);
        }
        // pass 2: each is found, holding what its constructor got
        for (int i = 0; i < NUM_OBJS; i++) {
            expect(get(objs[i], SV_ID1), sv1.get(i), fields1[i]);
            expect(get(objs[i], SV_ID2), sv2.get(i), fields2[i]);
        }
        // pass 3: get-or-alloc returns the variables there, without constructing
        for (int i = 0; i < NUM_OBJS; i++) {
            expect(getOrAlloc(objs[i], SV_ID1, fields1[i]), sv1.get(i), fields1[i]);
        }
        // pass 4: free the first of each pair, with a destructor
        for (int i = 0; i < NUM_OBJS; i++) {
            Object obj = objs[i];
            Shadow.<AtomicReference<Object>>free(obj, SV_ID1, sv -> shadowDtor(obj, sv));
            Ctl.out("klp_shadow_free(obj=" + ptr(obj) + ", id=" + hex(SV_ID1) + ", dtor=shadow_dtor)");
            if (get(objs[i], SV_ID1) == null) {
                Ctl.out("  got expected NULL result");
            }
        }
        // pass 5: the others are still there
        for (int i = 0; i < NUM_OBJS; i++) {
            expect(get(objs[i], SV_ID2), sv2.get(i), fields2[i]);
        }
        // pass 6: free all the others
        Shadow.freeAll(SV_ID2);
        Ctl.out("klp_shadow_free_all(id=" + hex(SV_ID2) + ", dtor=" + ptr(null) + ")");
        for (int i = 0; i < NUM_OBJS; i++) {
            if (get(objs[i], SV_ID2) == null) {
                Ctl.out("  got expected NULL result");
            }
        }
        extraPasses(objs[0], fields1[0]);
    }

    /** Past the kernel's module: a duplicate alloc warns; a failing constructor leaves nothing behind. */
    private static void extraPasses(Object obj, Object data) {
        // pass 7: a second alloc of the same <obj, id> warns and returns null; the first variable stays
        AtomicReference<Object> first = alloc(obj, SV_ID3, data);
        if (alloc(obj, SV_ID3, data) == null) {
            Ctl.out("  got expected NULL result");
        }
        expect(get(obj, SV_ID3), first, data);
        Shadow.free(obj, SV_ID3);
        // pass 8: a constructor that returns null (no data, as the kernel's returns -EINVAL): nothing attached
        if (alloc(obj, SV_ID3, null) == null && get(obj, SV_ID3) == null) {
            Ctl.out("  got expected NULL result");
        }
        // pass 9: a constructor that throws: the exception reaches the caller, nothing attached
        try {
            Shadow.getOrAlloc(obj, SV_ID3, (o, d) -> {
                throw new IllegalStateException("no memory for " + ptr(o));
            }, data);
            Ctl.out("klp_shadow_get_or_alloc returned instead of throwing");
        } catch (IllegalStateException e) {
            Ctl.out("klp_shadow_get_or_alloc(obj=" + ptr(obj) + ", id=" + hex(SV_ID3) + ") threw " + e);
        }
        if (get(obj, SV_ID3) == null) {
            Ctl.out("  got expected NULL result");
        }
    }

    private static AtomicReference<Object> get(Object obj, long id) {
        AtomicReference<Object> sv = Shadow.get(obj, id);
        Ctl.out("klp_shadow_get(obj=" + ptr(obj) + ", id=" + hex(id) + ") = " + ptr(sv));
        return sv;
    }

    private static AtomicReference<Object> alloc(Object obj, long id, Object data) {
        AtomicReference<Object> sv = Shadow.alloc(obj, id, CTOR, data);
        Ctl.out("klp_shadow_alloc(obj=" + ptr(obj) + ", id=" + hex(id) + ", ctor=" + ptr(CTOR) + ", ctor_data="
                + ptr(data) + ") = " + ptr(sv));
        return sv;
    }

    private static AtomicReference<Object> getOrAlloc(Object obj, long id, Object data) {
        AtomicReference<Object> sv = Shadow.getOrAlloc(obj, id, CTOR, data);
        Ctl.out("klp_shadow_get_or_alloc(obj=" + ptr(obj) + ", id=" + hex(id) + ", ctor=" + ptr(CTOR)
                + ", ctor_data=" + ptr(data) + ") = " + ptr(sv));
        return sv;
    }

    /** The kernel's shadow_ctor: the variable remembers the caller's data; no data is a failure. */
    private static AtomicReference<Object> shadowCtor(Object obj, Object data) {
        if (data == null) {
            return null;
        }
        AtomicReference<Object> sv = new AtomicReference<>(data);
        Ctl.out("shadow_ctor: " + ptr(sv) + " -> " + ptr(data) + " (obj=" + ptr(obj) + ")");
        return sv;
    }

    private static void shadowDtor(Object obj, AtomicReference<Object> sv) {
        Ctl.out("shadow_dtor(obj=" + ptr(obj) + ", shadow_data=" + ptr(sv) + ")");
    }

    private static void expect(AtomicReference<Object> found, AtomicReference<Object> sv, Object data) {
        if (found == sv && sv.get() == data) {
            Ctl.out("  got expected " + ptr(sv) + " -> " + ptr(data) + " result");
        }
    }

    /** Names an object the agent's log shows by identity, so that the test can read those lines. */
    private static void announce(Object obj) {
        Ctl.out("ptr " + ptr(obj) + " " + obj.getClass().getName() + "@"
                + Integer.toHexString(System.identityHashCode(obj)));
    }

    /** The kernel's ptr_id: a stable name per object, by first appearance; PTR0 for null. */
    private static String ptr(Object o) {
        for (int i = 0; i < PTRS.size(); i++) {
            if (PTRS.get(i) == o) {
                return "PTR" + i;
            }
        }
        PTRS.add(o);
        return "PTR" + (PTRS.size() - 1);
    }

    private static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }
}
