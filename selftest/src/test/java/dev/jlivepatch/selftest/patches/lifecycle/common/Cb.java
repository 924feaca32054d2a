package dev.jlivepatch.selftest.patches.lifecycle.common;

import dev.jlivepatch.api.PatchTarget;
import java.lang.reflect.Method;

/**
 * What the lifecycle patches' callbacks print, as the kernel's test modules
 * print {@code pre_patch_callback: test_klp_callbacks_mod -> [MODULE_STATE_LIVE]}:
 * {@code OUT <patch id>: <callback>: <target> -> loading|loaded, work()=<what the target runs now>}.
 * Packed into every patch jar that uses it. The pre-patch callback of a class
 * that is loading runs as the class is defined, before it exists: it prints
 * {@code -> defining} and calls nothing.
 *
 * <p>A target that loaded after its patch reports {@code loading} only in the
 * callbacks that ran as it loaded; later ones see it loaded, as the kernel
 * reports such a module live by then.
 */
public final class Cb {
    private Cb() {
    }

    /**
     * A pre-patch callback: prints, then fails as the system property
     * {@code pre_patch_ret.<target's simple name>} says ({@code false} or {@code throw}).
     */
    public static boolean prePatch(PatchTarget t) {
        print(t, "pre_patch_callback");
        String simple = t.targetName().substring(t.targetName().lastIndexOf('.') + 1);
        String ret = System.getProperty("pre_patch_ret." + simple, "true");
        if (ret.equals("throw")) {
            throw new IllegalStateException("injected failure");
        }
        return !ret.equals("false");
    }

    public static void print(PatchTarget t, String callback) {
        if (t.targetClass() == null) {
            System.out.println("OUT " + t.patchId() + ": " + callback + ": " + name(t.targetName(), t.targetLoader())
                    + " -> defining");
            return;
        }
        System.out.println("OUT " + t.patchId() + ": " + callback + ": " + name(t.targetClass())
                + (t.loading() ? " -> loading" : " -> loaded") + work(t.targetClass()));
    }

    /** The simple name, with the loader's name for classes of other loaders than the application's. */
    public static String name(Class<?> c) {
        return name(c.getName(), c.getClassLoader());
    }

    private static String name(String className, ClassLoader l) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + (l == null || l == ClassLoader.getSystemClassLoader() ? "" : "@" + l.getName());
    }

    private static String work(Class<?> c) {
        Method m;
        try {
            m = c.getDeclaredMethod("work");
        } catch (NoSuchMethodException e) {
            return "";
        }
        try {
            return ", work()=" + m.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return ", work() threw " + e;
        }
    }
}
