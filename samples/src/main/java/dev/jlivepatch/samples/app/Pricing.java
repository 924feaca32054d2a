package dev.jlivepatch.samples.app;

/**
 * Prices with value-added tax, in whole cents.
 *
 * <p>The second bug, a quiet one: the rate is divided as an integer, so any
 * rate below 100 % adds no tax at all.
 */
public final class Pricing {

    private Pricing() {
    }

    /**
     * The gross price: the net price plus VAT at the given rate.
     *
     * @param netCents the net price in cents, not negative
     * @param ratePercent the VAT rate in percent, for example 20
     * @return the gross price in cents (the bug: {@code ratePercent / 100} is 0 below 100 %)
     */
    public static long withVat(long netCents, int ratePercent) {
        return netCents + netCents * (ratePercent / 100);
    }

    /** Formats cents as a decimal amount, for example {@code 2399} as {@code 23.99}. */
    static String format(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
