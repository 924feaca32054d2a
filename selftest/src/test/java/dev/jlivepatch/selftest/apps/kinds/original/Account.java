package dev.jlivepatch.selftest.apps.kinds.original;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A target whose methods' original bodies use what only the class itself can:
 * private fields and methods, a lambda that captures {@code this}, a method
 * reference to a private method, a {@code super} call, a static private helper.
 */
public class Account extends Base {
    private long balance;
    private final String owner;
    private final List<String> log = new ArrayList<>();

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public long withdraw(long amount) {
        balance = clamp(balance - amount);
        record("withdraw " + amount);
        return balance;
    }

    public String history(List<String> extra) {
        extra.forEach(this::record);
        return log.stream().map(e -> owner + ":" + e).collect(Collectors.joining(","));
    }

    @Override
    public String describe() {
        return owner + " extends " + super.describe();
    }

    public static int fee(int cents) {
        return cents / 100 + 1;
    }

    private void record(String entry) {
        log.add(entry);
    }

    private static long clamp(long v) {
        return Math.max(v, 0);
    }
}
