package dev.jlivepatch.selftest.apps.kinds.pkgprivate;

import static dev.jlivepatch.selftest.apps.Steps.show;

import dev.jlivepatch.selftest.apps.Steps;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

/**
 * Step {@code call} runs {@link Counters#run} in the application loader, {@code child} the same
 * classes as a child loader (a web application's, over the same jar) defines them, {@code trace}
 * a stack trace through a patched method, {@code hot} compiles the calls.
 */
public final class Main {
    private static ClassLoader child;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        URL jar = Main.class.getProtectionDomain().getCodeSource().getLocation();
        child = new URLClassLoader("webapp", new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        Class.forName(Counters.class.getName(), true, child).getMethod("run").invoke(null);
        Steps.run(args, Map.of(
                "call", () -> show("app", Counters::run),
                "child", () -> show("webapp", () -> Class.forName(Counters.class.getName(), true, child)
                        .getMethod("run").invoke(null)),
                "trace", () -> show("trace", Counters::trace),
                "hot", () -> show("hot", () -> {
                    String last = null;
                    for (int i = 0; i < 20_000; i++) {
                        last = Counters.run();
                    }
                    return last;
                })));
    }
}
