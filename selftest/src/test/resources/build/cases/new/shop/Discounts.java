package shop;

/** The fix uses a class the old build does not have. */
public final class Discounts {
    private Discounts() {
    }

    public static int best(int cents) {
        return new Tiers(cents).apply();
    }
}
