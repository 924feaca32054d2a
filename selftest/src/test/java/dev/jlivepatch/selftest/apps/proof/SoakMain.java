package dev.jlivepatch.selftest.apps.proof;

import dev.jlivepatch.selftest.apps.Ctl;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The soak (issue 13, A4): a patch enabled and disabled {@code CYCLES} times,
 * then {@code LOADERS} class loaders each defining the target (patched as it
 * loads), calling it, and dropped; what the JVM holds is measured ({@link
 * Resources}) after a warm-up, after the cycles and after the loaders.
 *
 * <p>Arguments: the targets jar, the patch jar (id {@code soak}), CYCLES,
 * LOADERS. Prints {@code OUT start|after cycles|after loaders: RESOURCES} and
 * the threads and open files added since the start, the time each phase took,
 * the answers that were wrong, and how many copies of the target the agent's
 * status lists at the end.
 */
public final class SoakMain {
    static final String TARGET = "dev.jlivepatch.selftest.soaktarget.Greeter";
    /**
     * Cycles and loaders before the start is measured. The first few hundred cycles grow metaspace by about
     * 1.4 MB as the JIT's profile data for the code they run is allocated (docs/production.md, the soak's
     * figures); from about 500 on it grows by some 40 bytes a cycle, which is what the soak is to measure.
     */
    private static final int WARM_UP = 300;

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        URL targets = Path.of(args[0]).toUri().toURL();
        int cycles = Integer.parseInt(args[2]);
        int loaders = Integer.parseInt(args[3]);
        URLClassLoader home = new URLClassLoader("home", new URL[] {targets}, SoakMain.class.getClassLoader());
        Method greet = Class.forName(TARGET, true, home).getMethod("greet", String.class);
        Ctl.load(args[1]);
        Ctl.awaitTransition(30_000);
        int wrong = cycles(greet, WARM_UP) + loaders(targets, WARM_UP);
        Ctl.out("warm-up: wrong answers " + wrong);
        Resources start = Resources.settled();
        Ctl.out("start: " + start);
        long t0 = System.nanoTime();
        wrong = cycles(greet, cycles);
        Ctl.out("cycles: " + cycles + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms, wrong answers " + wrong);
        Resources afterCycles = Resources.settled();
        Ctl.out("after cycles: " + afterCycles);
        Ctl.out("added by cycles: " + afterCycles.added(start));
        t0 = System.nanoTime();
        wrong = loaders(targets, loaders);
        Ctl.out("loaders: " + loaders + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms, wrong answers "
                + wrong);
        Resources afterLoaders = Resources.settled();
        Ctl.out("after loaders: " + afterLoaders);
        Ctl.out("added by cycles and loaders: " + afterLoaders.added(start));
        Ctl.out("targets listed: " + Ctl.targets("soak").size());
        Ctl.disable("soak");
        Ctl.awaitTransition(30_000);
        Ctl.remove("soak");
        Ctl.out("end: " + greet.invoke(null, "bob") + ", patches " + Ctl.ids());
        home.close();
    }

    /** Disables and enables the patch {@code n} times; the number of answers that were not the expected ones. */
    private static int cycles(Method greet, int n) throws Exception {
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            Ctl.disable("soak");
            Ctl.awaitTransition(30_000);
            wrong += greet.invoke(null, "bob").equals("hello bob") ? 0 : 1;
            Ctl.enable("soak");
            Ctl.awaitTransition(30_000);
            wrong += greet.invoke(null, "bob").equals("fixed bob") ? 0 : 1;
        }
        return wrong;
    }

    /** Defines the target in {@code n} new loaders, one after the other, each closed and dropped once called. */
    private static int loaders(URL targets, int n) throws Exception {
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            try (URLClassLoader l = new URLClassLoader("L" + i, new URL[] {targets}, SoakMain.class.getClassLoader())) {
                Method greet = Class.forName(TARGET, true, l).getMethod("greet", String.class);
                wrong += greet.invoke(null, "bob").equals("fixed bob") ? 0 : 1;
            }
        }
        return wrong;
    }
}
