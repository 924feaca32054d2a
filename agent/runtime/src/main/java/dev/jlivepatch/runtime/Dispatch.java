package dev.jlivepatch.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The entry points that woven code calls. Three stub shapes reach a func site:
 * <ul>
 *   <li>{@code invokedynamic} bootstrapped by {@link #link}: the call site is
 *       the func site's own, constant outside a transition, so a patched call
 *       costs what the replacement costs;</li>
 *   <li>the same, bootstrapped by {@link #linkNumbered} with the site's number:
 *       for classes of the bootstrap and platform loaders, so that linking runs
 *       no agent code;</li>
 *   <li>a static call to {@link #enter(int)}: for the classes of the bootstrap and
 *       platform loaders that {@code java.lang.invoke}'s linkage itself uses, whose
 *       stubs must not depend on it (a stub that needs the method it is in to
 *       link would recurse while linking);</li>
 *   <li>a static call to {@link #select(int)}: for application class files too
 *       old for {@code invokedynamic}.</li>
 * </ul>
 */
public final class Dispatch {
    private static volatile Linker linker;
    private static volatile FuncSite[] numbered = new FuncSite[0];
    // An anonymous subclass, not withInitial(..): no lambda, so no invokedynamic, on this path.
    private static final ThreadLocal<Active> ACTIVE = new ThreadLocal<Active>() {
        @Override
        protected Active initialValue() {
            return new Active();
        }
    };

    private Dispatch() {
    }

    /**
     * Installs the agent's linker, once per JVM.
     *
     * @param l the linker
     * @return {@code false} if a linker was already installed (the agent is loaded)
     */
    public static synchronized boolean install(Linker l) {
        if (linker != null) {
            return false;
        }
        linker = l;
        return true;
    }

    /**
     * Bootstrap method of the {@code invokedynamic} stubs.
     *
     * @param caller the woven class's lookup
     * @param name unused
     * @param type {@code ()Object}
     * @param method the woven method, as {@code name(desc)ret}
     * @return the method's func-site call site
     */
    public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type, String method) {
        return linker.site(caller.lookupClass(), method).callSite();
    }

    /**
     * Bootstrap method of the {@code invokedynamic} stubs of JDK classes: the
     * numbered site's call site, found without running any agent code (no
     * collection, no string), so that a patched JDK method the agent's
     * registry uses cannot re-enter the linkage of its own stub.
     *
     * @param caller the woven class's lookup
     * @param name unused
     * @param type {@code ()Object}
     * @param id the site's number ({@link #number})
     * @return the func site's call site
     */
    public static CallSite linkNumbered(MethodHandles.Lookup caller, String name, MethodType type, int id) {
        return numbered[id].callSite();
    }

    /**
     * Bootstrap method of a patch's {@code @Original} accessor calls (the
     * patch classes are rewritten to call it): the call site that runs what
     * ran before the patch.
     *
     * @param caller the calling patch class's lookup
     * @param name unused
     * @param type the accessor's type
     * @param accessor the accessor, as {@code name(desc)ret}
     * @return the call site
     */
    public static CallSite original(MethodHandles.Lookup caller, String name, MethodType type, String accessor) {
        return linker.original(caller.lookupClass(), accessor, type);
    }

    /**
     * Gives a func site a number for static stubs.
     *
     * @param site the site
     * @return its number, to weave into the stub
     */
    public static synchronized int number(FuncSite site) {
        FuncSite[] old = numbered;
        FuncSite[] grown = new FuncSite[old.length + 1];
        System.arraycopy(old, 0, grown, 0, old.length);
        grown[old.length] = site;
        numbered = grown;
        return old.length;
    }

    /**
     * What the stubs of application class files too old for
     * {@code invokedynamic} call: the entry to run for numbered site {@code id}.
     *
     * @param id the site's number
     * @return a bridge, or {@code null} to run the original body
     */
    public static Object select(int id) {
        return numbered[id].select();
    }

    /**
     * What the stubs of bootstrap and platform classes call on entry: the entry to run for numbered site
     * {@code id}. A thread that re-enters a site while it runs that site's
     * replacement gets the original body: the replacement of a JDK method may
     * itself use that method (directly, or through the JVM's linkage of the
     * replacement's own call sites), and must not recurse into itself.
     *
     * @param id the site's number
     * @return a bridge, after which the stub calls {@link #exit()}; or
     *     {@code null} to run the original body
     */
    public static Object enter(int id) {
        Object entry = numbered[id].select();
        if (entry == null) {
            return null;
        }
        Active active = ACTIVE.get();
        for (int i = 0; i < active.depth; i++) {
            if (active.ids[i] == id) {
                return null;
            }
        }
        active.push(id);
        return entry;
    }

    /** What guarded stubs call when the replacement returns or throws. */
    public static void exit() {
        ACTIVE.get().depth--;
    }

    /** The numbered sites whose replacements run on a thread, innermost last. */
    private static final class Active {
        int[] ids = new int[8];
        int depth;

        void push(int id) {
            if (depth == ids.length) {
                int[] grown = new int[depth * 2];
                System.arraycopy(ids, 0, grown, 0, depth);
                ids = grown;
            }
            ids[depth++] = id;
        }
    }

    /**
     * What a target class that loaded after a patch calls first in its class
     * initialiser.
     *
     * @param owner the class being initialised
     */
    public static void classInit(Class<?> owner) {
        Linker l = linker;
        if (l != null) {
            l.classInit(owner);
        }
    }
}
