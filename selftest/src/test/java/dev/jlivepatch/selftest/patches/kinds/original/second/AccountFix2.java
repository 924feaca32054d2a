package dev.jlivepatch.selftest.patches.kinds.original.second;

import dev.jlivepatch.api.Original;
import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.kinds.original.Account;

/** A second patch on top: its @Original runs the first patch's replacement. */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.original.Account")
public final class AccountFix2 {
    private AccountFix2() {
    }

    @Replace
    static String describe(Account self) {
        return "twice " + before(self);
    }

    @Original(method = "describe")
    static String before(Account self) {
        throw new AssertionError();
    }
}
