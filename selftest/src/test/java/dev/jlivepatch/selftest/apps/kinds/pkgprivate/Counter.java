package dev.jlivepatch.selftest.apps.kinds.pkgprivate;

/** A package-private target, as library internals usually are: receiver, parameter and return type of patched methods. */
final class Counter {
    private int n;
    final String name;

    Counter(String name, int n) {
        this.name = name;
        this.n = n;
    }

    int next() {
        return ++n;
    }

    Counter copy(String suffix) {
        return new Counter(name + suffix, n);
    }

    static Counter merge(Counter a, Counter b) {
        return new Counter(a.name + "+" + b.name, a.n + b.n);
    }

    static Counter[] pair(Counter a) {
        return new Counter[] {a, a};
    }

    String show() {
        return name + "=" + n;
    }
}
