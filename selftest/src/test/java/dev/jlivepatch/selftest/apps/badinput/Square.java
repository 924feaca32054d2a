package dev.jlivepatch.selftest.apps.badinput;

/** Implements {@link Shape}, so that the interface is loaded when patches arrive. */
public final class Square implements Shape {
    @Override
    public int sides() {
        return 4;
    }
}
