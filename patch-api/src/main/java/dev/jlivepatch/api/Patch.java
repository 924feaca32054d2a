package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a patch class: everything in it applies to one target class, the
 * kernel's {@code klp_object}. Every class of a patch jar that holds a
 * {@link Replace} or a callback must carry it.
 *
 * <pre>{@code
 * @Patch(target = "com.example.Greeter")
 * public final class GreeterFix {
 *     @Replace
 *     static String greet(Greeter self, String name) { return "Hello, " + name; }
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Patch {

    /**
     * The binary name of the target class, as {@link Class#getName()} gives it
     * ({@code com.example.Outer$Inner} for a nested class).
     *
     * @return the target class name
     */
    String target();

    /**
     * Narrows the patch to targets defined by matching class loaders: a loader
     * matches when its {@link ClassLoader#getName() name} or its class name
     * equals this value; {@code "bootstrap"} names the bootstrap loader. Empty
     * (the default) patches the target in every class loader that defines it.
     *
     * @return the class loader filter, or empty for every loader
     */
    String loader() default "";
}
