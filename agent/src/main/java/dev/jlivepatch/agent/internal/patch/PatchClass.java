package dev.jlivepatch.agent.internal.patch;

import java.util.List;

/**
 * A class of a patch jar annotated {@code @Patch}: everything it does to one
 * target class (the kernel's {@code klp_object}).
 *
 * @param name the patch class's internal name
 * @param target the target's binary name
 * @param loader the class-loader filter, empty for all
 * @param originals the {@code @Original} accessors: each runs what its replacement replaces
 */
public record PatchClass(String name, String target, String loader, List<Replacement> replacements,
                         List<Callback> callbacks, List<Accessor> accessors, List<Replacement> originals) {

    public Callback callback(Callback.Kind kind) {
        for (Callback c : callbacks) {
            if (c.kind() == kind) {
                return c;
            }
        }
        return null;
    }

    public String binaryName() {
        return name.replace('/', '.');
    }

    public boolean matchesLoader(ClassLoader l) {
        if (loader.isEmpty()) {
            return true;
        }
        if (l == null) {
            return loader.equals("bootstrap");
        }
        return loader.equals(l.getName()) || loader.equals(l.getClass().getName());
    }
}
