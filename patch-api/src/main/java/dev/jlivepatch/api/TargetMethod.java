package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, in a {@link Patch} class, a static method that calls a method of
 * the target class, private ones included. The agent rewrites every call to it
 * into a direct call (a constant method handle, no reflection on the hot
 * path); its body never runs.
 *
 * <pre>{@code
 * @TargetMethod("format") static String format(Greeter self, String s) { throw new AssertionError(); }
 * }</pre>
 *
 * For an instance method the first parameter is the receiver; the others and
 * the return type are those of the called method.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TargetMethod {

    /**
     * The method's name.
     *
     * @return the method name
     */
    String value();

    /**
     * The class that declares the method, as {@link Class#getName()} gives
     * it; empty (the default) means the patch's target class.
     *
     * @return the declaring class, or empty
     */
    String owner() default "";
}
