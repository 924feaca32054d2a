package dev.jlivepatch.agent.internal.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the patch is to do, as decided from the differences: the methods it
 * replaces, and the new classes and methods it may carry when the replaced
 * code needs them.
 */
final class Plan {

    /**
     * One method to replace.
     *
     * @param owner the target class (internal name)
     * @param target the old build's method, {@code name + desc}
     * @param source the new build's method whose body replaces it, {@code name + desc} (a lambda's name may differ)
     */
    record Replace(String owner, String target, String source) {
    }

    final List<Replace> replaces = new ArrayList<>();
    /** Classes only the new build has. */
    final Set<String> newClasses = new TreeSet<>();
    /** New private or static methods (and constructors) of old classes, as {@code owner.name + desc}. */
    final Set<String> newMethods = new TreeSet<>();
    private final Set<String> replaced = new HashSet<>();

    void replace(String owner, String target, String source) {
        replaces.add(new Replace(owner, target, source));
        replaced.add(owner + "." + target);
    }

    /** Whether the patch replaces this method of the old build ({@code owner.name + desc}). */
    boolean replaces(String ownerDotMember) {
        return replaced.contains(ownerDotMember);
    }
}
