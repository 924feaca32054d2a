package shop;

/** A package-private class. */
final class Ledger {
    private Ledger() {
    }

    static int balance(int[] entries) {
        int sum = 0;
        for (int e : entries) {
            sum += e;
        }
        return sum - entries.length;
    }
}
