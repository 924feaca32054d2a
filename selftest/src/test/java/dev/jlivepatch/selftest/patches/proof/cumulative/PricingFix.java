package dev.jlivepatch.selftest.patches.proof.cumulative;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** The cumulative patch's VAT fix: the sample's {@code price-vat-fix}. */
@Patch(target = "dev.jlivepatch.samples.app.Pricing")
public final class PricingFix {
    private PricingFix() {
    }

    @Replace
    static long withVat(long netCents, int ratePercent) {
        return netCents + (netCents * ratePercent + 50) / 100;
    }
}
