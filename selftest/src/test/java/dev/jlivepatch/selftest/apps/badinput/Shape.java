package dev.jlivepatch.selftest.apps.badinput;

/** An interface whose abstract method a bad patch tries to replace. */
public interface Shape {
    int sides();
}
