package dev.jlivepatch.selftest.apps.hammer;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The target classes loaded so far, each in a fresh class loader named
 * {@code L<n>} over the targets jar, and initialised before it is listed.
 * Nothing is dropped: every loader stays reachable to the end.
 */
final class Loaded {
    static final String PACKAGE = "dev.jlivepatch.selftest.apps.hammertargets.";

    /** One target class in its loader, and an instance of it. */
    record Instance(String loader, String simpleName, Task task, ClassLoader classLoader) {
        String className() {
            return PACKAGE + simpleName;
        }

        @Override
        public String toString() {
            return simpleName + "@" + loader;
        }
    }

    private final URL jar;
    private final List<Instance> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    Loaded(URL jar) {
        this.jar = jar;
    }

    /** Defines and initialises the next target class (T1, T2, T3, T4 in turn) in a new loader. */
    Instance loadNext() throws ReflectiveOperationException {
        int n = next.incrementAndGet();
        String name = "L" + n;
        URLClassLoader loader = new URLClassLoader(name, new URL[] {jar}, Loaded.class.getClassLoader());
        String simple = "T" + (1 + n % 4);
        Task task = (Task) Class.forName(PACKAGE + simple, true, loader).getDeclaredConstructor().newInstance();
        Instance i = new Instance(name, simple, task, loader);
        all.add(i);
        return i;
    }

    /** Those listed so far: loaded and initialised before this call. */
    List<Instance> all() {
        return List.copyOf(all);
    }

    int size() {
        return all.size();
    }
}
