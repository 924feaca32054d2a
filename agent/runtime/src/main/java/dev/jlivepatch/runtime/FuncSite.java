package dev.jlivepatch.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The dispatch point of one patched method of one loaded class (the kernel's
 * {@code klp_ops}). Its {@link Snapshot} is the truth; the call site is a
 * cache of it that C2 can fold: outside a transition its target is a constant
 * (the top entry), during one it calls {@link #select()}.
 */
public final class FuncSite {
    private static final MethodType SELECT_TYPE = MethodType.methodType(Object.class);
    private static final MethodHandle SELECT;

    static {
        try {
            SELECT = MethodHandles.lookup().findVirtual(FuncSite.class, "select", SELECT_TYPE);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final String method;
    private final MutableCallSite callSite = new MutableCallSite(MethodHandles.constant(Object.class, null));
    private volatile Snapshot snapshot = Snapshot.ORIGINAL;

    /**
     * Creates a site that runs the original body.
     *
     * @param name the method, for messages: {@code Class.name(desc)}
     */
    public FuncSite(String name) {
        this.name = name;
        int paren = name.indexOf('(');
        this.method = paren < 0 ? name : name.substring(0, paren);
    }

    /**
     * The method this site dispatches, as {@code Class.name(desc)ret}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The method this site dispatches without its descriptor, as a stack
     * trace names it: {@code Class.name}.
     *
     * @return the class and method name
     */
    public String method() {
        return method;
    }

    /**
     * The entry the current thread runs: the slow path, taken during a
     * transition and by stubs that cannot use {@code invokedynamic}.
     *
     * @return a bridge, or {@code null} to run the original body
     */
    public Object select() {
        return snapshot.select(this);
    }

    /**
     * Publishes a new snapshot, then points the call site at it. The snapshot
     * is written first so that a thread that reaches the slow path through the
     * new target never reads an older snapshot. Callers follow a batch of
     * publishes with {@link #sync(FuncSite[])}.
     *
     * @param next the new snapshot
     */
    public void publish(Snapshot next) {
        snapshot = next;
        callSite.setTarget(next.inTransition()
                ? SELECT.bindTo(this)
                : MethodHandles.constant(Object.class, next.target()));
    }

    /**
     * Makes the new call-site targets visible to every thread
     * ({@link MutableCallSite#syncAll}).
     *
     * @param sites the sites published
     */
    public static void sync(FuncSite[] sites) {
        MutableCallSite[] all = new MutableCallSite[sites.length];
        for (int i = 0; i < sites.length; i++) {
            all[i] = sites[i].callSite;
        }
        MutableCallSite.syncAll(all);
    }

    CallSite callSite() {
        return callSite;
    }

    @Override
    public String toString() {
        return name;
    }
}
