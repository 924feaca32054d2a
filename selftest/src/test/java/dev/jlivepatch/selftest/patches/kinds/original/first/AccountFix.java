package dev.jlivepatch.selftest.patches.kinds.original.first;

import dev.jlivepatch.api.Original;
import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.kinds.original.Account;
import java.util.List;

/** Checks, then does what the library did: the "check, then delegate" pattern on every kind of method. */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.original.Account")
public final class AccountFix {
    private AccountFix() {
    }

    @Replace
    static long withdraw(Account self, long amount) {
        if (amount < 0) {
            return -1; // the check the fix adds
        }
        return withdrawBefore(self, amount);
    }

    @Original(method = "withdraw")
    static long withdrawBefore(Account self, long amount) {
        throw new AssertionError();
    }

    @Replace
    static String history(Account self, List<String> extra) {
        return "[" + history$original(self, extra) + "]";
    }

    @Original
    static String history$original(Account self, List<String> extra) {
        throw new AssertionError();
    }

    @Replace
    static String describe(Account self) {
        return "fixed " + describe$original(self);
    }

    @Original
    static String describe$original(Account self) {
        throw new AssertionError();
    }

    @Replace
    static int fee(int cents) {
        return cents < 0 ? 0 : fee$original(cents);
    }

    @Original
    static int fee$original(int cents) {
        throw new AssertionError();
    }
}
