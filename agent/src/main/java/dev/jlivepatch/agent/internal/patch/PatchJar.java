package dev.jlivepatch.agent.internal.patch;

import java.util.List;
import java.util.Map;

/**
 * A patch jar, read and checked as far as it can be without its targets: the
 * kernel's {@code klp_patch}.
 *
 * @param classes every class of the jar, by internal name
 * @param patchClasses the {@code @Patch} classes, in jar order
 * @param deferredTargets targets that may be missing from every class loader when the patch is
 *     enabled ({@code Livepatch-Deferred-Targets}: class names, or {@code *} for all)
 * @param digest the SHA-256 of the jar's bytes
 */
public record PatchJar(String id, String description, boolean replace, List<StateDecl> states,
                       Map<String, byte[]> classes, List<PatchClass> patchClasses, String source,
                       java.util.Set<String> deferredTargets, byte[] digest) {

    /** @return whether the other jar has exactly the bytes of this one */
    public boolean sameContent(PatchJar other) {
        return java.security.MessageDigest.isEqual(digest, other.digest);
    }

    /** A declared patch state: {@code id:version}. */
    public record StateDecl(long id, int version) {
    }
}
