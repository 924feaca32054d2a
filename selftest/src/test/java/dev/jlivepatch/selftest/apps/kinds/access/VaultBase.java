package dev.jlivepatch.selftest.apps.kinds.access;

/** Private members in a superclass of the target. */
public class VaultBase {
    private String origin = "base";

    private String baseSecret() {
        return "base-secret";
    }
}
