package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.runtime.ThreadPatchStates;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The call site of one binding's {@code @Original} accessor for one method:
 * what ran before the binding's patch, the next entry down the func stack or
 * the original body. Outside a transition its target is that entry's method
 * handle, a constant C2 inlines; while a transition changes what lies below,
 * each call asks the running transition which side the thread is on (without
 * counting an entry: the thread is already inside the method). Published
 * with the method's func site, under the stacks lock.
 */
final class OriginalSite {
    private static final MethodHandle SELECT;

    static {
        try {
            SELECT = MethodHandles.lookup().findVirtual(OriginalSite.class, "select",
                    MethodType.methodType(MethodHandle.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MutableCallSite site;
    private volatile MethodHandle patched;
    private volatile MethodHandle unpatched;
    private volatile ThreadPatchStates transition;

    OriginalSite(MethodType type) {
        this.site = new MutableCallSite(type);
    }

    MutableCallSite callSite() {
        return site;
    }

    /**
     * Points the site at the entries below its binding, one per side of a
     * running transition (the same one outside it). Callers follow a batch
     * with {@link MutableCallSite#syncAll}.
     */
    void publish(MethodHandle onPatchedSide, MethodHandle onUnpatchedSide, ThreadPatchStates t) {
        MethodType type = site.type();
        patched = onPatchedSide.asType(type);
        unpatched = onUnpatchedSide.asType(type);
        transition = t;
        if (t == null || onPatchedSide == onUnpatchedSide) {
            site.setTarget(patched);
        } else {
            site.setTarget(MethodHandles.foldArguments(MethodHandles.exactInvoker(type), SELECT.bindTo(this)));
        }
    }

    @SuppressWarnings("unused") // through SELECT
    private MethodHandle select() {
        ThreadPatchStates t = transition;
        return t == null || t.current() ? patched : unpatched;
    }
}
