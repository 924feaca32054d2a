package dev.jlivepatch.selftest.apps.lifecycle.plugin;

/**
 * The plugin's entry point: what its class loader defines first, before
 * {@link Plugin} is needed, as a web application's loader defines its
 * servlets long before its other classes.
 */
public final class Entry {
    private Entry() {
    }
}
