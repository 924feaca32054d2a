package dev.jlivepatch.selftest.patches.proof.lookupv2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetMethod;

/**
 * A second version of the sample service's {@code greeting-lookup-fix}
 * (docs/samples.md), loaded under the same id as an upgrade: as the first,
 * and it also breaks up {@code ${} in the user's value, so that the answer
 * tells the versions apart ({@code Hello, $ {sys:db.password}!}).
 */
@Patch(target = "dev.jlivepatch.samples.app.Templates")
public final class TemplatesFixV2 {
    private TemplatesFixV2() {
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
