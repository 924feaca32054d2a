package dev.jlivepatch.samples.fix.vat;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/**
 * The fix for the VAT bug (patch {@code price-vat-fix}): compute the tax in
 * whole cents, rounding half up, instead of multiplying by an integer
 * {@code rate / 100} that is 0.
 */
@Patch(target = "dev.jlivepatch.samples.app.Pricing")
public final class PricingFix {

    private PricingFix() {
    }

    /** Replaces {@code Pricing.withVat(long, int)}. */
    @Replace
    static long withVat(long netCents, int ratePercent) {
        return netCents + (netCents * ratePercent + 50) / 100;
    }
}
