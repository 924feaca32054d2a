package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link Patch} class as the replacement of a
 * method of the target class (the kernel's {@code klp_func}).
 *
 * <p>The target method has the same name (or {@link #method()}) and the same
 * parameter types and return type. For an instance method the replacement's
 * first parameter is the receiver, typed as the target class (or as
 * {@code Object} where the target class cannot be named, as for anonymous
 * classes). Constructors, class initialisers, abstract and native methods
 * cannot be replaced.
 *
 * <p>Calling the replaced method from inside its replacement calls the
 * replacement again, as in the kernel; to run the code it replaces, declare
 * an {@link Original} accessor and call that.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Replace {

    /**
     * The name of the target method; empty (the default) means the
     * replacement's own name.
     *
     * @return the target method name, or empty
     */
    String method() default "";
}
