package dev.jlivepatch.selftest.apps.kinds.methods;

/** Targets: a generic class (erased signatures) and a subclass whose override has a bridge. */
public class Box<T> {
    private T value;

    public void set(T v) {
        value = v;
    }

    public T get() {
        return value;
    }

    public static class IntBox extends Box<Integer> {
        @Override
        public Integer get() {
            return super.get() + 1;
        }
    }
}
