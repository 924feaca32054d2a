package dev.jlivepatch.agent.internal.transition;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.coretest.app.Greeter;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The methods a transition touches hold their classes weakly. Would catch a
 * stalled transition that keeps a class loader the application dropped from
 * being collected (the kernel lets a module go during a transition; the
 * selftest CallbacksModulesTest.busyTargetModuleGoing shows it end to end).
 */
class AffectedTest {

    @Test
    void aClassInTheTransitionCanBeCollected() throws Exception {
        URL classes = Greeter.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader loader = new URLClassLoader("dropped", new URL[] {classes}, null);
        Class<?> copy = loader.loadClass(Greeter.class.getName());
        Affected affected = Affected.NONE.plus(copy, List.of("greet(Ljava/lang/String;)Ljava/lang/String;"))
                .plus(Greeter.class, List.of("greet(Ljava/lang/String;)Ljava/lang/String;"));
        assertTrue(affected.has(copy, "greet", "(Ljava/lang/String;)Ljava/lang/String;"));
        assertTrue(affected.has(Greeter.class, "greet", "(Ljava/lang/String;)Ljava/lang/String;"));
        assertFalse(affected.has(copy, "greet", "(I)Ljava/lang/String;"), "another descriptor");

        WeakReference<ClassLoader> gone = new WeakReference<>(loader);
        loader.close();
        loader = null;
        copy = null;
        for (int i = 0; i < 100 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(gone.get(), "the transition's affected methods keep the dropped loader alive");
        Affected more = affected.plus(AffectedTest.class, List.of("run()V"));
        assertTrue(more.has(Greeter.class, "greet", "(Ljava/lang/String;)Ljava/lang/String;"), "the live class stays");
        assertTrue(more.has(AffectedTest.class, "run", "()V"));
    }
}
