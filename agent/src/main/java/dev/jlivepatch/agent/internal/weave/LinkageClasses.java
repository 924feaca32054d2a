package dev.jlivepatch.agent.internal.weave;

/**
 * The JDK classes that {@code java.lang.invoke}'s linkage, class loading and the agent's own class-file
 * transformer run ({@link LinkageClassList}, traced by {@code bench/linkage-set.sh} on JDK 17 and 25,
 * nested classes folded into their outermost class). A patched method of one of them keeps the static stub
 * and its re-entry guard: an {@code invokedynamic} stub there would need that very method to link. Every other
 * JDK class gets the constant-folded {@code invokedynamic} stub of application classes. On a JDK newer than
 * the newest traced one the set is unknown, and every JDK class keeps the static stub.
 */
final class LinkageClasses {
    /** The newest JDK feature release the set was traced on. */
    static final int NEWEST_TRACED = 25;

    private LinkageClasses() {
    }

    /**
     * Whether a JDK class's stubs must not use {@code invokedynamic}.
     *
     * @param internalName the class, as {@code java/util/HashMap}
     * @return {@code true} for the static stub
     */
    static boolean contains(String internalName) {
        if (Runtime.version().feature() > NEWEST_TRACED) {
            return true;
        }
        String name = internalName.replace('/', '.');
        int nested = name.indexOf('$');
        return LinkageClassList.CLASSES.contains(nested < 0 ? name : name.substring(0, nested));
    }
}
