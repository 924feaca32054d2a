package dev.jlivepatch.agent.internal.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code build}, which no other command takes.
 *
 * @param oldBuild {@code --old}: the running code's build (jar or class directory), or null
 * @param newBuild {@code --new}: the fixed build, or null
 * @param id {@code --id}: the patch id, or null
 * @param output {@code -o} / {@code --output}: the patch jar to write, or null
 * @param replace {@code --replace}: an atomic-replace patch
 * @param includes {@code --include}, each time it is given
 * @param explain {@code --explain}: report every method
 * @param description {@code --description}: the patch's description, or null
 */
record BuildFlags(String oldBuild, String newBuild, String id, String output, boolean replace, List<String> includes,
                  boolean explain, String description) {

    /** The options that take a value. */
    static final List<String> VALUED = List.of("--old", "--new", "--id", "-o", "--output", "--include",
            "--description");

    /** Whether any of them was given. */
    boolean any() {
        return oldBuild != null || newBuild != null || id != null || output != null || replace || !includes.isEmpty()
                || explain || description != null;
    }

    /** The first one given, for the message that refuses it on another command. */
    String first() {
        return oldBuild != null ? "--old" : newBuild != null ? "--new" : id != null ? "--id" : output != null ? "-o"
                : replace ? "--replace" : !includes.isEmpty() ? "--include" : explain ? "--explain" : "--description";
    }

    /** Collects the options while the command line is parsed. */
    static final class Collector {
        private String oldBuild;
        private String newBuild;
        private String id;
        private String output;
        private boolean replace;
        private final List<String> includes = new ArrayList<>();
        private boolean explain;
        private String description;

        /** @return whether the flag was one of build's */
        boolean take(String flag, String value) throws Failure {
            switch (flag) {
                case "--old" -> oldBuild = once(flag, oldBuild, value);
                case "--new" -> newBuild = once(flag, newBuild, value);
                case "--id" -> id = once(flag, id, value);
                case "-o", "--output" -> output = once("-o", output, value);
                case "--description" -> description = once(flag, description, value);
                case "--include" -> includes.add(value);
                case "--replace" -> replace = true;
                case "--explain" -> explain = true;
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static String once(String flag, String before, String value) throws Failure {
            if (before != null) {
                throw Failure.usage("option '" + flag + "' given twice");
            }
            return value;
        }

        BuildFlags done() {
            return new BuildFlags(oldBuild, newBuild, id, output, replace, List.copyOf(includes), explain, description);
        }
    }
}
