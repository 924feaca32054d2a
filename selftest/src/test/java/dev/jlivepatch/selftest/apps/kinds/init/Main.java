package dev.jlivepatch.selftest.apps.kinds.init;

import static dev.jlivepatch.selftest.apps.Steps.show;

import dev.jlivepatch.selftest.apps.Steps;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

/**
 * Class initialisers and patches. Each fresh loader defines its own copy of the targets from the
 * app jar, so a class can be initialised again: before the patch, after it, after the disable.
 */
public final class Main {
    private static ClassLoader l0;
    private static ClassLoader l1;
    private static int loaders;

    private Main() {
    }

    public static void main(String[] args) {
        Steps.run(args, Map.of("before", Main::before, "after", Main::after, "afterDisable", Main::afterDisable));
    }

    static void before() {
        show("early", Early::value);
        l0 = fresh();
        show("L0 Late.VALUE", () -> get(l0, "Late", "VALUE"));
    }

    static void after() {
        show("Late.VALUE first initialised after the patch", () -> Late.VALUE);
        show("Late.compute", Late::compute);
        show("L0 Late.VALUE initialised before the patch", () -> get(l0, "Late", "VALUE"));
        show("L0 Late.compute", () -> call(l0, "Late", "compute"));
        l1 = fresh();
        show("L1 Late.VALUE", () -> get(l1, "Late", "VALUE"));
        show("L1 Late.compute", () -> call(l1, "Late", "compute"));
        show("Caller.VALUE calls a patched method in its initialiser", () -> Caller.VALUE);
        show("racing initialisers", Main::race);
    }

    static void afterDisable() {
        show("Late.compute", Late::compute);
        show("L1 Late.compute", () -> call(l1, "Late", "compute"));
        show("fresh Late.VALUE", () -> get(fresh(), "Late", "VALUE"));
        show("early", Early::value);
        show("racing initialisers", Main::race);
    }

    /** Four threads initialise a fresh Racy at once, each then calls its patched method. */
    static String race() throws Exception {
        ClassLoader l = fresh();
        CountDownLatch go = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    Class<?> c = Class.forName(Main.class.getPackageName() + ".Racy", true, l);
                    seen.add(c.getField("VALUE").get(null) + "/" + c.getMethod("compute").invoke(null));
                } catch (Throwable e) {
                    seen.add(e.toString());
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return seen.size() + " threads saw " + new TreeSet<>(seen);
    }

    static ClassLoader fresh() {
        URL jar = Main.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader("fresh" + loaders++, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    }

    static Object get(ClassLoader l, String cls, String field) throws Exception {
        return Class.forName(Main.class.getPackageName() + "." + cls, true, l).getField(field).get(null);
    }

    static Object call(ClassLoader l, String cls, String method) throws Exception {
        Method m = Class.forName(Main.class.getPackageName() + "." + cls, true, l).getMethod(method);
        return m.invoke(null);
    }
}
