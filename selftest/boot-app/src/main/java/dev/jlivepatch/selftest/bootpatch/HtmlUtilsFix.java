package dev.jlivepatch.selftest.bootpatch;

import dev.jlivepatch.api.Original;
import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/**
 * Replaces a method of Spring itself, a class of a jar nested in the
 * executable jar ({@code BOOT-INF/lib/spring-web-*.jar}), and runs what it
 * replaced.
 */
@Patch(target = "org.springframework.web.util.HtmlUtils")
public final class HtmlUtilsFix {
    private HtmlUtilsFix() {
    }

    @Replace
    static String htmlEscape(String input) {
        return "[" + htmlEscape$original(input) + "]";
    }

    @Original
    static String htmlEscape$original(String input) {
        throw new AssertionError();
    }
}
