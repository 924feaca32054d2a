package dev.jlivepatch.bench.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * A Java agent that finds which JDK classes run while the JVM links (or the agent dispatches), see
 * {@link Roots}. It weaves {@link Trace} into every class of the bootstrap and platform loaders, loaded or
 * loading, and writes what it saw when {@link #report} is called. Options: {@code out=FILE}.
 */
public final class Tracer {
    private static final String TRACE = "dev/jlivepatch/bench/linkage/Trace";
    private static final List<String> NAMES = new ArrayList<>();
    private static final Set<Module> READING = ConcurrentHashMap.newKeySet();
    private static volatile Path out;
    private static volatile Instrumentation inst;
    private static volatile int failed;

    private Tracer() {
    }

    /**
     * The agent's entry point.
     *
     * @param options {@code out=FILE}
     * @param instrumentation the instrumentation
     * @throws Exception if the trace cannot be set up
     */
    public static void premain(String options, Instrumentation instrumentation) throws Exception {
        String opts = options == null ? "" : options;
        for (String o : opts.split(",")) {
            if (o.startsWith("out=")) {
                out = Path.of(o.substring(4));
            }
        }
        if (out == null) {
            out = Path.of("linkage-trace.txt");
        }
        inst = instrumentation;
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootJar().toFile()));
        Class.forName(TRACE.replace('/', '.'), true, null);
        Trace.why = opts.contains("why");
        // Load and link what the transformer uses before it runs: a class it loads would be transformed by it.
        Roots.traced(Roots.of("java/lang/String").isEmpty() ? "x" : "y", null);
        Weaver.weave(Tracer.class.getClassLoader().getResourceAsStream(TRACE + ".class").readAllBytes(), 0,
                Roots.of("java/lang/invoke/MethodHandleNatives"));
        id("warm");
        new Transformer().transform(Object.class.getModule(), null, "warm", null, null, new byte[0]);
        instrumentation.addTransformer(new Transformer(), true);
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (instrumentation.isModifiableClass(c) && !c.isArray() && !c.isHidden()
                    && (Roots.traced(c.getName().replace('.', '/'), c.getClassLoader())
                    || !Roots.of(c.getName().replace('.', '/')).isEmpty())) {
                all.add(c);
            }
        }
        for (int i = 0; i < all.size(); i += 100) {
            List<Class<?>> batch = all.subList(i, Math.min(all.size(), i + 100));
            try {
                instrumentation.retransformClasses(batch.toArray(new Class<?>[0]));
            } catch (UnmodifiableClassException | LinkageError e) {
                for (Class<?> c : batch) {
                    try {
                        instrumentation.retransformClasses(c);
                    } catch (UnmodifiableClassException | LinkageError e2) {
                        failed++;
                    }
                }
            }
        }
        System.err.println("linkage tracer: " + all.size() + " classes woven at start, " + failed + " refused");
    }

    /** Writes, per root kind, the classes seen: {@code KIND class}, sorted. */
    public static synchronized void report() {
        List<String> lines = new ArrayList<>();
        String[] kinds = {"link", "transform", "load", "dispatch"};
        synchronized (NAMES) {
            for (int k = 0; k < Trace.KINDS; k++) {
                Set<String> seen = new TreeSet<>();
                for (int id = 0; id < NAMES.size(); id++) {
                    if (Trace.SEEN[k][id]) {
                        seen.add(NAMES.get(id).replace('/', '.'));
                    }
                }
                for (String c : seen) {
                    lines.add(kinds[k] + " " + c);
                    StackTraceElement[] why = Trace.WHY[k][NAMES.indexOf(c.replace('.', '/'))];
                    if (why != null) {
                        StringBuilder b = new StringBuilder("#   ");
                        for (int i = 3; i < Math.min(why.length, 40); i++) {
                            b.append(why[i].getClassName().replaceAll("^.*\\.", "")).append('.')
                                    .append(why[i].getMethodName()).append(' ');
                        }
                        lines.add(b.toString());
                    }
                }
            }
            lines.add("# " + NAMES.size() + " classes woven, " + failed + " refused, java " + Runtime.version());
        }
        try {
            Files.write(out, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int id(String name) {
        synchronized (NAMES) {
            NAMES.add(name);
            return NAMES.size() - 1;
        }
    }

    /** A jar of {@link Trace} alone, for the bootstrap search path. */
    private static Path bootJar() throws IOException {
        Path jar = Files.createTempFile("linkage-trace", ".jar");
        jar.toFile().deleteOnExit();
        try (InputStream in = Tracer.class.getClassLoader().getResourceAsStream(TRACE + ".class");
             JarOutputStream o = new JarOutputStream(Files.newOutputStream(jar))) {
            o.putNextEntry(new JarEntry(TRACE + ".class"));
            o.write(in.readAllBytes());
            o.closeEntry();
        }
        return jar;
    }

    /** Weaves every traced class and every root as it loads or is retransformed. */
    private static final class Transformer implements ClassFileTransformer {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                ProtectionDomain pd, byte[] bytes) {
            if (name == null) {
                return null;
            }
            Trace.enter(Trace.SUSPEND);
            try {
                Map<String, Integer> roots = Roots.of(name);
                boolean traced = Roots.traced(name, loader);
                if (!traced && roots.isEmpty()) {
                    return null;
                }
                if (module.isNamed() && READING.add(module)) {
                    inst.redefineModule(module, Set.of(Trace.class.getModule()), Map.of(), Map.of(), Set.of(),
                            Map.of());
                }
                return Weaver.weave(bytes, traced ? id(name) : -1, roots);
            } catch (Throwable t) {
                failed++;
                return null;
            } finally {
                Trace.exit(Trace.SUSPEND);
            }
        }
    }
}
