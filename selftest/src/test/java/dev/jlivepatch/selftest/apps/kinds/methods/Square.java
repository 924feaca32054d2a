package dev.jlivepatch.selftest.apps.kinds.methods;

/** Implements {@link Shape} without overriding its default method. */
public class Square implements Shape {
    private final double side;

    public Square(double side) {
        this.side = side;
    }

    @Override
    public double area() {
        return side * side;
    }
}
