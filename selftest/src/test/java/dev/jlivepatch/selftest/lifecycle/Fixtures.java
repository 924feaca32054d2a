package dev.jlivepatch.selftest.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The lifecycle scenarios' jars, and event checks that allow for an unordered group. */
final class Fixtures {
    static final String MAIN = "dev.jlivepatch.selftest.apps.lifecycle.Main";
    static final String APPS = "dev.jlivepatch.selftest.apps";
    static final String PLUGIN = "dev.jlivepatch.selftest.apps.lifecycle.plugin";
    static final String PATCHES = "dev.jlivepatch.selftest.patches.lifecycle.";
    static final String COMMON = PATCHES + "common";

    private Fixtures() {
    }

    /** The application jar: every fixture application, without the plugin package (its own jar, own loaders). */
    static Path app(Path dir) throws IOException {
        Path all = Jars.app(dir.resolve("app-all.jar"), APPS);
        Path app = dir.resolve("app.jar");
        String skip = PLUGIN.replace('.', '/') + "/";
        try (InputStream file = Files.newInputStream(all); JarInputStream in = new JarInputStream(file);
             OutputStream outFile = Files.newOutputStream(app);
             JarOutputStream out = new JarOutputStream(outFile, in.getManifest() == null ? new Manifest()
                     : in.getManifest())) {
            for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                if (!e.getName().startsWith(skip)) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Files.delete(all);
        return app;
    }

    /** The jar that only the application's own class loaders see. */
    static Path plugin(Path dir) throws IOException {
        return Jars.app(dir.resolve("plugin.jar"), PLUGIN);
    }

    /** A patch jar {@code ID.jar} of patches/lifecycle/PKG, with the callbacks' helper. */
    static Path patch(Path dir, String id, String pkg, String... attributes) throws IOException {
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            attrs.put(attributes[i], attributes[i + 1]);
        }
        return Jars.patch(dir.resolve(id + ".jar"), id, attrs, PATCHES + pkg, COMMON);
    }

    static Run run(Jdk jdk, String agentOptions, Path app, String... steps) throws Exception {
        return Run.java(jdk, agentOptions, app.toString(), MAIN, steps).exitsWith(0);
    }

    /** Lines whose order the agent does not define: they must come next, in any order. */
    static Object anyOrder(String... lines) {
        return new AnyOrder(List.of(lines));
    }

    private record AnyOrder(List<String> lines) {
    }

    /**
     * As {@link Run#expectEvents}, where an {@link #anyOrder} group matches the
     * same lines in any order; a mismatch shows as the usual diff.
     */
    static void expectEvents(Run run, Object... expected) {
        List<String> actual = run.events();
        List<String> aligned = new ArrayList<>();
        int at = 0;
        for (Object e : expected) {
            if (e instanceof AnyOrder group) {
                List<String> want = new ArrayList<>(group.lines());
                List<String> got = new ArrayList<>(actual.subList(Math.min(at, actual.size()),
                        Math.min(at + want.size(), actual.size())));
                List<String> sortedWant = new ArrayList<>(want);
                List<String> sortedGot = new ArrayList<>(got);
                sortedWant.sort(null);
                sortedGot.sort(null);
                aligned.addAll(sortedWant.equals(sortedGot) ? got : want);
                at += want.size();
            } else {
                aligned.add((String) e);
                at++;
            }
        }
        assertEquals(String.join("\n", aligned), String.join("\n", actual), () -> "full output:\n" + run);
    }
}
