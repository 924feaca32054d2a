package shop;

import java.util.function.Supplier;

/** Changed methods in an inner, a nested and an anonymous class. */
public class Outer {
    private final int factor;

    public Outer(int factor) {
        this.factor = factor;
    }

    public class Inner {
        public int scaled(int x) {
            return x * factor + 1;
        }
    }

    public static class Nested {
        public static int twice(int x) {
            return 2 * x + 1;
        }
    }

    public Supplier<String> supplier() {
        return new Supplier<String>() {
            @Override
            public String get() {
                return "factor=" + factor;
            }
        };
    }
}
