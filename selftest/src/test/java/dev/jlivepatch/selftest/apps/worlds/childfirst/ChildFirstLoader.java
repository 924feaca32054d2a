package dev.jlivepatch.selftest.apps.worlds.childfirst;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A child-first class loader, as plugin hosts and web containers have: a
 * class (and a resource) is looked for in its own jars before the parent;
 * only {@code java.*} and what its jars lack come from the parent.
 */
final class ChildFirstLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    ChildFirstLoader(String name, URL[] urls, ClassLoader parent) {
        super(name, urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && !name.startsWith("java.")) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    // not ours: the parent's
                }
            }
            if (c == null) {
                c = super.loadClass(name, false);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL url = findResource(name);
        return url != null ? url : super.getResource(name);
    }
}
