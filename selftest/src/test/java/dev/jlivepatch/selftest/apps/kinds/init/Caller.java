package dev.jlivepatch.selftest.apps.kinds.init;

/** Not a target: its class initialiser calls a patched method of another class. */
public class Caller {
    public static final String VALUE = Early.value();
}
