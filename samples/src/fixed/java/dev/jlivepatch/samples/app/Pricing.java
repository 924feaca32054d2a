package dev.jlivepatch.samples.app;

/**
 * Prices with value-added tax, in whole cents.
 *
 * <p>The next release of the service: the VAT bug fixed in the source. The
 * samples build compiles the service a second time with this file in place of
 * {@code src/main/java/.../Pricing.java} ({@code sample-app-fixed.jar}), and
 * {@code samples/build-demo.sh} turns the difference into a patch with
 * {@code jlivepatch build}.
 */
public final class Pricing {

    private Pricing() {
    }

    /**
     * The gross price: the net price plus VAT at the given rate.
     *
     * @param netCents the net price in cents, not negative
     * @param ratePercent the VAT rate in percent, for example 20
     * @return the gross price in cents, the tax rounded half up to the cent
     */
    public static long withVat(long netCents, int ratePercent) {
        return netCents + (netCents * ratePercent + 50) / 100;
    }

    /** Formats cents as a decimal amount, for example {@code 2399} as {@code 23.99}. */
    static String format(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
