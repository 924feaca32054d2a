package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.build.BuildException;
import dev.jlivepatch.agent.internal.build.BuildOptions;
import dev.jlivepatch.agent.internal.build.Builder;
import java.nio.file.Path;

/**
 * {@code build --old OLD --new NEW --id ID -o OUT.jar}: the JVM's
 * kpatch-build (docs/build.md). It runs here, in the command line's JVM, and
 * attaches to nothing. Exit status 0 when the patch jar was written; 1 when a
 * change cannot be patched safely (the report lists each, with where it is),
 * when nothing changed, or when a build cannot be read; 2 for a wrong command
 * line.
 */
final class BuildCommand {

    private BuildCommand() {
    }

    static void run(Args args, Out out) throws Failure {
        for (String key : new String[] {"command", "id", "output", "result", "replaced", "targets", "changes",
            "error"}) {
            out.report.put(key, null);
        }
        out.report.put("command", "build");
        args.expect();
        args.allow(false, false);
        BuildFlags b = args.build();
        require(b.oldBuild(), "--old OLD");
        require(b.newBuild(), "--new NEW");
        require(b.id(), "--id ID");
        require(b.output(), "-o OUT.jar");
        out.report.put("id", b.id());
        Path output = Path.of(b.output()).toAbsolutePath().normalize();
        try {
            Builder.checkId(b.id());
            Builder.checkIncludes(b.includes());
        } catch (BuildException e) {
            throw Failure.usage(e.getMessage());
        }
        Builder.Result r;
        try {
            r = Builder.build(new BuildOptions(Path.of(b.oldBuild()), Path.of(b.newBuild()), b.id(), b.replace(),
                    b.includes(), output, b.description()));
        } catch (BuildException e) {
            throw Failure.failed(e.getMessage());
        }
        out.report.put("result", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        out.report.put("replaced", (long) r.replaced());
        out.report.put("targets", (long) r.targets());
        out.report.put("changes", r.report().json(b.explain()));
        r.report().lines(b.explain()).forEach(out::line);
        if (r.outcome() != Builder.Outcome.WRITTEN) {
            throw Failure.failed(r.summary());
        }
        out.report.put("output", output.toString());
        out.line(r.summary());
    }

    private static void require(String value, String form) throws Failure {
        if (value == null) {
            throw Failure.usage("missing " + form + ": the form is 'build --old OLD --new NEW --id ID -o OUT.jar'"
                    + " (see 'build --help')");
        }
    }
}
