package dev.jlivepatch.bench.startup;

/** The hello-world program whose start-up {@link StartupBench} times. */
public final class Hello {
    private Hello() {
    }

    /**
     * Prints a greeting.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
