package shop;

/** New in the fixed build: only the patched Discounts.best uses it. */
final class Tiers {
    private final int cents;

    Tiers(int cents) {
        this.cents = cents;
    }

    int apply() {
        return cents >= 5000 ? cents * 90 / 100 : cents;
    }
}
