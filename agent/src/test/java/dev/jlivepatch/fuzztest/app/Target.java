package dev.jlivepatch.fuzztest.app;

/**
 * The class the fuzz corpus's patch jars target ({@code fuzz-corpus/}, see its
 * README). The selftests have a copy of the same name, so that a forked JVM can
 * load the corpus against it.
 */
public final class Target {
    private Target() {
    }

    /** @return {@code hello NAME}; the seeds' replacements answer {@code fuzz NAME} or {@code fuzz hello NAME} */
    public static String greet(String name) {
        return "hello " + name;
    }
}
