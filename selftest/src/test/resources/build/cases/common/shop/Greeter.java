package shop;

public class Greeter implements Greeting {
}
