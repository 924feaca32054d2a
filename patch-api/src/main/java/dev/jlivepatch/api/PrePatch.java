package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link Patch} class as its target's
 * pre-patch callback (kernel: {@code pre_patch_callback}): it runs once per loaded target class
 * before any code of its target is switched to the patch. Returning {@code false} or throwing refuses the whole patch; for a target class that loads after the patch, it refuses that class (its initialisation fails with an error that names the patch).
 *
 * <p>The method is static, takes no parameter or one {@link PatchTarget},
 * and returns {@code void} or {@code boolean}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PrePatch {
}
