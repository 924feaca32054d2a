package dev.jlivepatch.selftest.apps.kinds.methods;

import java.util.function.Supplier;

/** Targets: a static nested class, an inner class, a private nested class and an anonymous class. */
public class Outer {
    private final String label;

    public Outer(String label) {
        this.label = label;
    }

    public static class Nested {
        public String hi() {
            return "nested";
        }

        public static int seven() {
            return 7;
        }
    }

    public class Inner {
        public String hi() {
            return "inner of " + label;
        }
    }

    private static final class Hidden {
        String hi() {
            return "hidden";
        }
    }

    public String hidden() {
        return new Hidden().hi();
    }

    /** Outer$1: its get() has a generic bridge beside it. */
    public Supplier<String> anonymous() {
        return new Supplier<String>() {
            @Override
            public String get() {
                return "anon of " + label;
            }
        };
    }
}
