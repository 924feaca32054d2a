package dev.jlivepatch.selftest.apps.kinds.access;

import static dev.jlivepatch.selftest.apps.Steps.show;

import dev.jlivepatch.selftest.apps.Steps;
import java.util.Map;

/** Step {@code call} runs the patched methods, then the unpatched readers of the state they changed. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Vault v = new Vault("v1");
        Tally t = new Tally();
        Steps.run(args, Map.of("call", () -> {
            show("vault", v::report);
            show("vault state", v::state);
            show("tally", t::show);
            show("tally state", () -> t.hits + " " + Tally.total);
        }));
    }
}
