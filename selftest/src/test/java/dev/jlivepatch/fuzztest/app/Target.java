package dev.jlivepatch.fuzztest.app;

/**
 * The class the fuzz corpus's patch jars target (agent/src/test/resources/fuzz-corpus,
 * see its README): a copy of the agent unit tests' class of the same name, for
 * {@code proof/FuzzCorpusLoadTest}, which loads the corpus into a forked JVM.
 */
public final class Target {
    private Target() {
    }

    /** @return {@code hello NAME}; the seeds' replacements answer {@code fuzz NAME} or {@code fuzz hello NAME} */
    public static String greet(String name) {
        return "hello " + name;
    }
}
