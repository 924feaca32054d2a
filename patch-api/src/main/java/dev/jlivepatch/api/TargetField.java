package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, in a {@link Patch} class, a static method that reads or writes a
 * field of the target class, private ones included. The agent rewrites every
 * call to it into a direct access (a constant method handle, no reflection on
 * the hot path); its body never runs.
 *
 * <pre>{@code
 * @TargetField("count") static int count(Counter self) { throw new AssertionError(); }       // read
 * @TargetField("count") static void count(Counter self, int v) { throw new AssertionError(); } // write
 * @TargetField("LIMIT") static int limit() { throw new AssertionError(); }                   // static field
 * }</pre>
 *
 * A reader returns the field's type and takes the receiver (none for a static
 * field); a writer returns {@code void} and takes the receiver and the value.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TargetField {

    /**
     * The field's name.
     *
     * @return the field name
     */
    String value();

    /**
     * The class that declares the field, as {@link Class#getName()} gives it;
     * empty (the default) means the patch's target class.
     *
     * @return the declaring class, or empty
     */
    String owner() default "";
}
