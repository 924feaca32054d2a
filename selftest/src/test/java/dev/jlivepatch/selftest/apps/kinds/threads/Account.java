package dev.jlivepatch.selftest.apps.kinds.threads;

/** Target: a synchronized read-modify-write; the returned 1 (original) or 2 (patched) tells who ran. */
public class Account {
    private long balance;

    public synchronized int deposit(int amount) {
        balance += amount;
        return 1;
    }

    public synchronized long balance() {
        return balance;
    }
}
