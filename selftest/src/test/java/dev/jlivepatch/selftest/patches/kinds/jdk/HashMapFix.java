package dev.jlivepatch.selftest.patches.kinds.jdk;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import java.util.HashMap;

/**
 * An honest HashMap.get, which the whole JVM (the agent, class loading, JMX, method handles) keeps
 * calling while it is enabled: the same answer as the original for every key, except a probe key
 * that no real map holds, which shows that the replacement runs. It does not call get() itself.
 */
@Patch(target = "java.util.HashMap")
public final class HashMapFix {
    static final String PROBE = "jlivepatch:probe";

    private HashMapFix() {
    }

    @Replace
    static Object get(HashMap<?, ?> self, Object key) {
        if (key instanceof String && PROBE.equals(key)) {
            return "patched";
        }
        return self.getOrDefault(key, null);
    }
}
