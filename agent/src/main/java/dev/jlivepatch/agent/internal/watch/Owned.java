package dev.jlivepatch.agent.internal.watch;

import dev.jlivepatch.agent.internal.core.LoadedPatch;
import dev.jlivepatch.agent.internal.core.TransitionState;
import java.nio.file.Path;

/**
 * A patch the watcher loaded from a jar of its directory.
 *
 * @param name the jar's name in the directory
 * @param sha256 the hash of the content it was loaded from
 * @param patch the patch, as the core registered it
 * @param copy the private copy it was loaded from, kept to put it back if its new version is refused
 */
record Owned(String name, String sha256, LoadedPatch patch, Path copy) {

    String id() {
        return patch.id();
    }

    Owned renamed(String to) {
        return new Owned(to, sha256, patch, copy);
    }
}
