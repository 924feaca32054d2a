package dev.jlivepatch.selftest.worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.harness.Jdk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code status PID --json}, read as the rows of one patch's targets: class, loader, patched. */
final class Status {
    private Status() {
    }

    /** The targets of patch {@code id}: one "class | loader | patched" line each, as status lists them. */
    static List<String> targets(Jdk jdk, long pid, String id) throws Exception {
        Map<String, Object> status = CliRun.run(jdk, "status", pid, "--json").ok().json();
        for (Object o : (List<?>) status.get("patches")) {
            Map<?, ?> p = (Map<?, ?>) o;
            if (id.equals(p.get("id"))) {
                List<String> rows = new ArrayList<>();
                for (Object t : (List<?>) p.get("targets")) {
                    Map<?, ?> target = (Map<?, ?>) t;
                    rows.add(target.get("class") + " | " + target.get("loader") + " | " + target.get("patched"));
                }
                return rows;
            }
        }
        throw new AssertionError("status lists no patch '" + id + "': " + status);
    }

    /** Asserts the rows, with each loader's identity hash ({@code Class@1a2b3c}) read as {@code Class@*}. */
    static void expect(List<String> rows, String... expected) {
        List<String> masked = new ArrayList<>();
        for (String r : rows) {
            masked.add(r.replaceAll("@[0-9a-f]+ \\|", "@* |"));
        }
        assertEquals(List.of(expected), masked, () -> "status targets: " + rows);
    }
}
