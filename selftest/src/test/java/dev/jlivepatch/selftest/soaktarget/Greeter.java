package dev.jlivepatch.selftest.soaktarget;

/**
 * The soak's target class, in a jar of its own: the soak defines it again and
 * again in new class loaders ({@code apps.proof.SoakMain}).
 */
public final class Greeter {
    private Greeter() {
    }

    /** @return {@code hello NAME}; patched, {@code fixed NAME} */
    public static String greet(String name) {
        return "hello ".concat(name);
    }
}
