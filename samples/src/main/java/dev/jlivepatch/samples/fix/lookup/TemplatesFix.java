package dev.jlivepatch.samples.fix.lookup;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetMethod;

/**
 * The fix for the lookup bug (patch {@code greeting-lookup-fix}): expand
 * lookups in the template only, then substitute the user's value as plain
 * text.
 */
@Patch(target = "dev.jlivepatch.samples.app.Templates")
public final class TemplatesFix {

    private TemplatesFix() {
    }

    /** The target's package-private expander, called directly. */
    @TargetMethod("expand")
    static String expand(String text) {
        throw new AssertionError("rewritten by jlivepatch");
    }

    /** Replaces {@code Templates.render(String, String)}. */
    @Replace
    static String render(String template, String userValue) {
        return expand(template).replace("{}", userValue);
    }

    // The two callbacks print into the service's own output, so its log shows when the fix came and went.
    @PostPatch
    static void patched(PatchTarget target) {
        System.out.println("fix> " + target.patchId() + " is live on " + target.targetClass().getName());
    }

    @PostUnpatch
    static void unpatched(PatchTarget target) {
        System.out.println("fix> " + target.patchId() + " is no longer live on " + target.targetClass().getName());
    }
}
