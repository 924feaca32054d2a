package dev.jlivepatch.selftest.patches.proof.cumulative;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetMethod;

/** The cumulative patch's lookup fix: the second version's ({@code lookupv2}). */
@Patch(target = "dev.jlivepatch.samples.app.Templates")
public final class TemplatesFix {
    private TemplatesFix() {
    }

    @TargetMethod("expand")
    static String expand(String text) {
        throw new AssertionError("rewritten by jlivepatch");
    }

    @Replace
    static String render(String template, String userValue) {
        return expand(template).replace("{}", userValue.replace("${", "$ {"));
    }
}
