package dev.jlivepatch.selftest.apps.kinds.access;

/** A package-private class of the target's package that no patch targets; the same-package patch uses it. */
final class Ledger {
    private Ledger() {
    }

    static String note() {
        return "ledger";
    }
}
