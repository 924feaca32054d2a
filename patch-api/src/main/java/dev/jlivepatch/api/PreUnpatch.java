package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link Patch} class as its target's
 * pre-unpatch callback (kernel: {@code pre_unpatch_callback}): it runs once per loaded target class
 * before the unpatching transition starts, while every thread still runs the patch.
 *
 * <p>The method is static, takes no parameter or one {@link PatchTarget},
 * and returns {@code void} or {@code boolean}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PreUnpatch {
}
