package shop;

/** A switch on an enum: its table is in a synthetic class, Colors$1. */
public final class Colors {
    private Colors() {
    }

    public static String describe(Color c) {
        switch (c) {
            case RED:
                return "warm";
            case GREEN:
                return "fresh";
            case BLUE:
                return "cold";
            default:
                return "plain";
        }
    }
}
