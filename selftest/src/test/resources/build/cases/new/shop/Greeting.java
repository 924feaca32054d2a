package shop;

/** An interface's default method. */
public interface Greeting {
    default String greet(String name) {
        return "hi " + name;
    }
}
