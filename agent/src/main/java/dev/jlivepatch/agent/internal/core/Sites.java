package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.runtime.Dispatch;
import dev.jlivepatch.runtime.FuncSite;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The func sites of one class's stubbed methods, by key ({@code name(desc)ret}),
 * and the numbers of those that static stubs reach. A loading class gets them
 * before its {@code Class} exists, and hands them over once it does. Stubs
 * link to their sites from any thread, so every method is synchronized (on
 * this object alone, never while holding it for long).
 */
final class Sites {
    private final String owner;
    private final Map<String, FuncSite> byKey = new LinkedHashMap<>();
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    Sites(String owner) {
        this.owner = owner;
    }

    synchronized FuncSite site(String key) {
        return byKey.computeIfAbsent(key, k -> new FuncSite(owner + "." + k));
    }

    synchronized int number(String key) {
        return numbers.computeIfAbsent(key, k -> Dispatch.number(site(k)));
    }

    /** Takes over the sites a class's load created. */
    void adopt(Sites loaded) {
        Map<String, FuncSite> sites;
        Map<String, Integer> nums;
        synchronized (loaded) {
            sites = new LinkedHashMap<>(loaded.byKey);
            nums = new LinkedHashMap<>(loaded.numbers);
        }
        synchronized (this) {
            byKey.putAll(sites);
            numbers.putAll(nums);
        }
    }
}
