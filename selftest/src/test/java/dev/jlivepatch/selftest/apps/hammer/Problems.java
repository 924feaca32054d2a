package dev.jlivepatch.selftest.apps.hammer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Problems of one kind seen by any thread: how many, and the first few. */
final class Problems {
    private static final int KEPT = 8;
    private final AtomicLong count = new AtomicLong();
    private final List<String> first = new ArrayList<>();

    void add(String what) {
        if (count.incrementAndGet() <= KEPT) {
            synchronized (first) {
                first.add(what);
            }
        }
    }

    long count() {
        return count.get();
    }

    @Override
    public String toString() {
        synchronized (first) {
            return count.get() + " " + first;
        }
    }
}
