package shop;

public final class Label {
    private Label() {
    }

    public static String text() {
        return "shop";
    }
}
