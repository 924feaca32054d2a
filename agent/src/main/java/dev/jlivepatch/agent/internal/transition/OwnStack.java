package dev.jlivepatch.agent.internal.transition;

import java.util.Iterator;
import java.util.Set;

/**
 * A thread's look at its own stack when it enters an affected method (the
 * kernel switches a task on its way back to user space; a thread here
 * switches on entry): clean when no frame below the method being entered is
 * in an affected method.
 */
final class OwnStack {
    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));
    private static final String RUNTIME = "dev.jlivepatch.runtime.";
    private static final String AGENT = "dev.jlivepatch.agent.";

    private OwnStack() {
    }

    /**
     * Whether the current thread's stack is clean.
     *
     * @param affected the methods of the transition
     * @param entering whether the thread is entering one: its frame, the first below ours, does not count
     */
    static boolean clean(Affected affected, boolean entering) {
        return WALKER.walk(frames -> {
            Iterator<StackWalker.StackFrame> it = frames.iterator();
            boolean skipping = entering;
            while (it.hasNext()) {
                StackWalker.StackFrame f = it.next();
                String owner = f.getClassName();
                if (skipping) {
                    // Our own frames (transition, func site, Dispatch), then the method being entered.
                    if (!owner.startsWith(RUNTIME) && !owner.startsWith(AGENT)) {
                        skipping = false;
                    }
                    continue;
                }
                if (affected.has(f.getDeclaringClass(), f.getMethodName(), f.getDescriptor())) {
                    return false;
                }
            }
            return true;
        });
    }
}
