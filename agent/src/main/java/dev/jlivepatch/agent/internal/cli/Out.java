package dev.jlivepatch.agent.internal.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a command writes: lines for people on stdout, or, with {@code --json},
 * nothing until one document at the end. The one-line reason of a failure
 * always goes to stderr.
 */
final class Out {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final List<String> notices = new ArrayList<>();
    /** The {@code --json} document: every key of the command's shape is present from the start. */
    final Map<String, Object> report = new LinkedHashMap<>();

    Out(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** A line for people; dropped with {@code --json}. */
    void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    /** A notice: printed as {@code note: ...} for people, kept in {@code notices} for scripts. */
    void note(String text) {
        notices.add(text);
        line("note: " + text);
    }

    List<String> notices() {
        return List.copyOf(notices);
    }

    /** Ends the command: the JSON document (if asked for) and the reason of a failure on stderr. */
    int finish(Failure failure) {
        // Always present and always last, so that every document ends with it.
        report.remove("error");
        report.put("error", failure == null ? null : failure.getMessage());
        if (json) {
            out.println(Json.write(report));
            out.flush();
        }
        if (failure != null) {
            err.println("jlivepatch: " + failure.getMessage());
            err.flush();
            return failure.status();
        }
        return 0;
    }
}
