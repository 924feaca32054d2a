package dev.jlivepatch.agent.internal.core;

import java.util.List;

/**
 * What a target class loading after its patches (the kernel's module coming)
 * carries from its definition to its initialisation: the bindings made and
 * pre-patched as it was defined, and the func sites its stubs were woven with.
 */
final class ComingClass {
    final List<Binding> bindings;
    final Sites sites;
    /** The class file it is defined from: what {@code @Original} copies are made from. */
    final byte[] classFile;

    ComingClass(String name, List<Binding> bindings, byte[] classFile) {
        this.bindings = List.copyOf(bindings);
        this.sites = new Sites(name);
        this.classFile = classFile;
    }

    boolean has(LoadedPatch p) {
        for (Binding b : bindings) {
            if (b.patch() == p) {
                return true;
            }
        }
        return false;
    }
}
