package dev.jlivepatch.agent.internal.watch;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The file-stability rule: a jar is read only once nobody has written it for
 * a while, so that a copy in progress is never taken for a jar. A file is
 * stable when it looked the same (same file, size and modification time) at
 * the previous poll, or when it was last written at least {@link #SETTLED_MS}
 * ago (a jar that was there before the JVM started, or moved in whole with an
 * old time). A file that is stable but not yet a complete zip is the other
 * half of the rule ({@link Zips#complete}).
 */
final class Stability {
    /** How long after its last write a file counts as stable without a second look. */
    static final long SETTLED_MS = 2_000;

    private final Map<String, Seen> last = new HashMap<>();

    /** Records this look at {@code name} and says whether the file is stable. */
    boolean stable(String name, Seen now, long nowMillis) {
        Seen before = last.put(name, now);
        return now.equals(before) || now.age(nowMillis) >= SETTLED_MS;
    }

    /** Forgets the names that are no longer in the directory. */
    void retain(Set<String> names) {
        last.keySet().retainAll(names);
    }
}
