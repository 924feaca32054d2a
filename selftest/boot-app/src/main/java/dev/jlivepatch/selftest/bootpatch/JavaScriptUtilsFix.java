package dev.jlivepatch.selftest.bootpatch;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/**
 * Replaces a method of a Spring class that no class loader has loaded when
 * the patch is enabled: it is checked against the class file the launcher's
 * loader would define (inside a nested jar), and patched as it loads.
 */
@Patch(target = "org.springframework.web.util.JavaScriptUtils")
public final class JavaScriptUtilsFix {
    private JavaScriptUtilsFix() {
    }

    @Replace
    static String javaScriptEscape(String input) {
        return "js(" + input.replace("'", "\\u0027") + ")";
    }
}
