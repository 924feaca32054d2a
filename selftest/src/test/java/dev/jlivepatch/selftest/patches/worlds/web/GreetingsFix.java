package dev.jlivepatch.selftest.patches.worlds.web;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetMethod;
import dev.jlivepatch.selftest.apps.worlds.web.Greetings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Replaces a package-private method of a web application's class: the patch
 * class takes the servlet API's request (the parent's type, as the webapp
 * loader delegates it) and calls a package-private class that only the web
 * application has.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.worlds.web.Greetings")
public final class GreetingsFix {
    private GreetingsFix() {
    }

    @TargetMethod(value = "dear", owner = "dev.jlivepatch.selftest.apps.worlds.web.Polite")
    static String dear(String name) {
        throw new AssertionError();
    }

    @Replace
    static String greet(Greetings self, HttpServletRequest req) {
        return dear(req.getParameter("name")) + " (patched, " + req.getContextPath() + ")";
    }
}
