package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, in a {@link Patch} class, a static method that runs what ran
 * before this patch: the next entry down the target method's func stack (an
 * older patch's replacement), or the method's original body. It is how a
 * replacement adds a check and then does what the library did, without
 * copying the library's code:
 *
 * <pre>{@code
 * @Replace
 * static String lookup(Resolver self, String key) {
 *     if (key.startsWith("jndi:")) {
 *         return key;                       // the check the fix adds
 *     }
 *     return lookup$original(self, key);    // then what the library did
 * }
 *
 * @Original(method = "lookup")
 * static String lookup$original(Resolver self, String key) { throw new AssertionError(); }
 * }</pre>
 *
 * <p>The method has the replacement's own signature (the receiver first for
 * an instance method); its body never runs: the agent rewrites every call to
 * it. The patch class must also {@link Replace} that method. A thread runs the
 * entry of its own side of a running transition, as every call does; outside
 * a transition the call costs what calling that code directly costs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Original {

    /**
     * The name of the target method; empty (the default) means the annotated
     * method's own name, less a {@code $original} suffix ({@code lookup$original}
     * runs the original of {@code lookup}).
     *
     * @return the target method name, or empty
     */
    String method() default "";
}
