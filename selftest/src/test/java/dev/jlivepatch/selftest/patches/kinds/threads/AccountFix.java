package dev.jlivepatch.selftest.patches.kinds.threads;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.apps.kinds.threads.Account;

/**
 * A deliberately slow read-modify-write: only the method's monitor, held around the replacement,
 * keeps concurrent deposits from being lost. Returns -2 if it ever runs without the monitor.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.threads.Account")
public final class AccountFix {
    private AccountFix() {
    }

    @TargetField("balance")
    static long balance(Account self) {
        throw new AssertionError();
    }

    @TargetField("balance")
    static void balance(Account self, long v) {
        throw new AssertionError();
    }

    @Replace
    static int deposit(Account self, int amount) {
        long b = balance(self);
        Thread.yield();
        balance(self, b + amount);
        return Thread.holdsLock(self) ? 2 : -2;
    }
}
