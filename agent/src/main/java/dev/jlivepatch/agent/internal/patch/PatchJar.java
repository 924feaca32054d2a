package dev.jlivepatch.agent.internal.patch;

import java.util.List;
import java.util.Map;

/**
 * A patch jar, read and checked as far as it can be without its targets: the
 * kernel's {@code klp_patch}.
 *
 * @param classes every class of the jar, by internal name
 * @param patchClasses the {@code @Patch} classes, in jar order
 */
public record PatchJar(String id, String description, boolean replace, List<StateDecl> states,
                       Map<String, byte[]> classes, List<PatchClass> patchClasses, String source) {

    /** A declared patch state: {@code id:version}. */
    public record StateDecl(long id, int version) {
    }
}
