package dev.jlivepatch.agent.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jlivepatch.agent.internal.patch.PatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.function.Executable;

/**
 * A core on a {@link FakeEnvironment}, with what its tests need: patch jars
 * packed from the fixture classes compiled with the tests, a one-line view of
 * the whole registry, and the entry a stub would run now.
 */
final class TestCore {
    static final String GREET = "greet(Ljava/lang/String;)Ljava/lang/String;";
    static final String WORK = "work(I)I";

    final FakeEnvironment env = new FakeEnvironment();
    final Livepatch lp = new Livepatch(env);
    private final Path dir;

    TestCore(Path dir) {
        this.dir = dir;
    }

    /** A patch jar {@code ID.jar}: manifest lines ({@code Key: value}) after the id, then the patch classes in order. */
    Path jar(String id, List<String> manifest, Class<?>... patchClasses) throws IOException {
        Manifest mf = new Manifest();
        Attributes main = mf.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Livepatch-Id", id);
        for (String line : manifest) {
            int colon = line.indexOf(':');
            main.putValue(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        Path jar = dir.resolve(id + "-" + System.nanoTime() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, mf)) {
            for (Class<?> c : patchClasses) {
                String entry = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    Path jar(String id, Class<?>... patchClasses) throws IOException {
        return jar(id, List.of(), patchClasses);
    }

    LoadedPatch load(String id, Class<?>... patchClasses) throws Exception {
        return lp.load(jar(id, patchClasses), false);
    }

    LoadedPatch patch(String id) {
        for (LoadedPatch p : lp.patches()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no patch '" + id + "'");
    }

    /**
     * The registry as {@link Livepatch#status()} reads it, one line per patch, bottom first: id, stack
     * order, state, and each target with whether it is patched and its methods.
     */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (PatchStatus s : lp.status()) {
            LoadedPatch p = s.patch();
            assertEquals(List.of(p.enabled(), p.transition(), p.forced(), lp.stackOrder(p), lp.targets(p)),
                    List.of(s.enabled(), s.transition(), s.forced(), s.stackOrder(), s.targets()),
                    "status of a core at rest reads as the patch itself");
            StringBuilder sb = new StringBuilder(p.id()).append(" #").append(s.stackOrder())
                    .append(" enabled=").append(s.enabled()).append(' ').append(s.transition().label())
                    .append(s.forced() ? " forced" : "");
            for (TargetRecord t : s.targets()) {
                sb.append(" | ").append(t.className().substring(t.className().lastIndexOf('.') + 1))
                        .append(t.patched() ? " patched " : " unpatched ").append(t.methods())
                        .append(t.refusal() == null ? "" : " refused: " + t.refusal());
            }
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * What a stub of {@code owner.key} would run now on this thread: the top of
     * its func stack called with {@code args}, or {@code "original"} for the
     * original body.
     */
    Object call(Class<?> owner, String key, Object... args) throws ReflectiveOperationException {
        Object bridge = lp.linker().site(owner, key).select();
        if (bridge == null) {
            return "original";
        }
        for (Class<?> shape : bridge.getClass().getInterfaces()) {
            for (Method m : shape.getMethods()) {
                if (m.getName().equals("call")) {
                    return m.invoke(bridge, args);
                }
            }
        }
        throw new AssertionError(bridge + " is no bridge");
    }

    /** Runs a command that must be refused, and returns the reason. */
    static String refused(Executable command) {
        return assertThrows(PatchException.class, command).getMessage();
    }
}
