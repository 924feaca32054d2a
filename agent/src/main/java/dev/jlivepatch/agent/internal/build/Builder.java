package dev.jlivepatch.agent.internal.build;

import dev.jlivepatch.agent.internal.build.Report.Decision;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchJarReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code jlivepatch build}, the JVM's kpatch-build: compares two builds of
 * the same code and writes a patch jar that replaces exactly the methods
 * whose behaviour changed, or refuses, naming each change that cannot be
 * patched safely and where it is (docs/build.md).
 */
public final class Builder {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** How a build ended. */
    public enum Outcome {
        /** The patch jar was written. */
        WRITTEN,
        /** Some change cannot be patched safely: the report says which; nothing was written. */
        REFUSED,
        /** No method's behaviour changed (within the {@code --include} patterns): nothing was written. */
        NOTHING
    }

    /**
     * The result.
     *
     * @param outcome how it ended
     * @param report every change and its decision
     * @param replaced how many methods the patch replaces
     * @param targets how many classes it patches
     * @param summary one line saying what happened
     */
    public record Result(Outcome outcome, Report report, int replaced, int targets, String summary) {
    }

    private Builder() {
    }

    /**
     * Checks the patch id, as the agent will.
     *
     * @throws BuildException naming what is wrong
     */
    public static void checkId(String id) throws BuildException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new BuildException("patch id '" + id + "' must be letters, digits, '.', '_' or '-' (at most 128),"
                    + " starting with a letter or digit");
        }
    }

    /**
     * Checks the {@code --include} patterns.
     *
     * @throws BuildException naming the pattern that is wrong
     */
    public static void checkIncludes(List<String> patterns) throws BuildException {
        new Includes(patterns);
    }

    /**
     * Builds the patch.
     *
     * @throws BuildException when it cannot run at all: a build is unreadable, an option is wrong, the jar
     *                        cannot be written
     */
    public static Result build(BuildOptions o) throws BuildException {
        checkId(o.id());
        Includes includes = new Includes(o.includes());
        Build old = Build.read(o.oldBuild());
        Build now = Build.read(o.newBuild());
        Report report = new Report();
        Plan plan = Decider.decide(Differ.compare(old, now), old, now, includes, report);
        Generator gen = new Generator(old, now, report);
        plan.replaces.forEach(gen::replace);
        Map<String, byte[]> classes = gen.finish();
        for (String m : plan.newMethods) {
            if (!gen.carried(m)) {
                int dot = m.indexOf('.');
                report.add(Decision.NOTE, Names.member(m.substring(0, dot), m.substring(dot + 1)),
                        now.at(m.substring(0, dot), m.substring(dot + 1)), "new method the patched code does not"
                                + " call: left out");
            }
        }
        for (String c : plan.newClasses) {
            if (!classes.containsKey(c)) {
                report.add(Decision.NOTE, Names.type(c), now.at(c, null), "new class the patched code does not use:"
                        + " left out");
            }
        }
        RewriteCheck.check(classes, old, gen, report);
        int targets = (int) plan.replaces.stream().map(Plan.Replace::owner).distinct().count();
        int replaced = plan.replaces.size();
        String scope = includes.all() ? "" : " within --include " + String.join(", ", includes.patterns());
        if (report.refused()) {
            int n = report.of(Decision.REFUSE).size();
            return new Result(Outcome.REFUSED, report, replaced, targets, "refused: " + n + (n == 1 ? " change"
                    : " changes") + " cannot be patched safely (listed above); no patch written");
        }
        if (replaced == 0) {
            return new Result(Outcome.NOTHING, report, 0, 0, "nothing to patch: no method of " + now.label()
                    + " behaves differently from " + old.label() + scope + "; no patch written");
        }
        String description = o.description() != null ? o.description() : "built by jlivepatch build from "
                + fileName(o.oldBuild()) + " to " + fileName(o.newBuild()) + ": " + replaced
                + (replaced == 1 ? " method" : " methods");
        JarOut.write(o.output(), o.id(), description, o.replace(), classes);
        verify(o.output());
        return new Result(Outcome.WRITTEN, report, replaced, targets, "patch '" + o.id() + "' written to "
                + o.output() + ": " + replaced + (replaced == 1 ? " method" : " methods") + " of " + targets
                + (targets == 1 ? " class" : " classes") + " replaced" + scope);
    }

    /** The written jar, read back as the agent reads a patch jar: a refusal here is the builder's bug. */
    private static void verify(Path jar) throws BuildException {
        try {
            PatchJarReader.read(jar);
        } catch (PatchException e) {
            try {
                Files.deleteIfExists(jar);
            } catch (IOException x) {
                e.addSuppressed(x);
            }
            throw new BuildException("internal error: the agent refuses the jar the builder wrote: " + e.getMessage(),
                    e);
        }
    }

    private static String fileName(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? p.toString() : name.toString();
    }

    /** The report lines and the summary, as the command line prints them. */
    public static List<String> lines(Result r, boolean explain) {
        List<String> out = new java.util.ArrayList<>(r.report().lines(explain));
        out.add(r.summary());
        return out;
    }
}
