package dev.jlivepatch.samples.fix;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetMethod;

/**
 * The fix: expand lookups in the template only, then substitute the user's
 * value as plain text.
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

    @Replace
    static String render(String template, String userValue) {
        return expand(template).replace("{}", userValue);
    }

    @PostPatch
    static void patched(PatchTarget target) {
        System.out.println("fix> " + target.patchId() + " is live on " + target.targetClass().getName());
    }
}
