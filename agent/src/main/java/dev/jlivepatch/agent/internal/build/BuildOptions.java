package dev.jlivepatch.agent.internal.build;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code jlivepatch build} (and the Maven goal) is asked to do.
 *
 * @param oldBuild the running code's build: a jar or a class directory
 * @param newBuild the fixed build: a jar or a class directory
 * @param id the patch id ({@code Livepatch-Id})
 * @param replace whether the patch replaces every patch before it ({@code Livepatch-Replace: true})
 * @param includes the {@code --include} patterns; empty for everything
 * @param output where the patch jar goes
 * @param description the {@code Livepatch-Description}, or null for one that names the two builds
 */
public record BuildOptions(Path oldBuild, Path newBuild, String id, boolean replace, List<String> includes,
                           Path output, String description) {

    public BuildOptions {
        includes = List.copyOf(includes);
    }
}
