package dev.jlivepatch.selftest.bootpatch;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.boot.GreetingController;
import dev.jlivepatch.selftest.boot.GreetingService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * Replaces the controller's handler, a class of the application's
 * {@code BOOT-INF/classes}: the patch class sees the application's types
 * and Spring's, from the jars nested in {@code BOOT-INF/lib}, through the
 * launcher's class loader.
 */
@Patch(target = "dev.jlivepatch.selftest.boot.GreetingController")
public final class GreetingControllerFix {
    private GreetingControllerFix() {
    }

    @TargetField("service")
    static GreetingService service(GreetingController self) {
        throw new AssertionError();
    }

    @Replace
    static ResponseEntity<String> greet(GreetingController self, String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("X-Patched", "boot-fix")
                .body("patched " + service(self).greeting(HtmlUtils.htmlEscape(name)));
    }
}
