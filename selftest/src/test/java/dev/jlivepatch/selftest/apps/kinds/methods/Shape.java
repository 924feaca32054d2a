package dev.jlivepatch.selftest.apps.kinds.methods;

/** Target: an interface with a default and a static method. */
public interface Shape {
    double area();

    default String describe() {
        return "area " + area();
    }

    static String unit() {
        return "cm";
    }
}
