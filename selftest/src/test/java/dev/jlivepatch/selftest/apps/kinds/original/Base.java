package dev.jlivepatch.selftest.apps.kinds.original;

/** A superclass whose method the target's original body calls through {@code super}. */
public class Base {
    public String describe() {
        return "base";
    }
}
