package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link Patch} class as its target's
 * post-patch callback (kernel: {@code post_patch_callback}): it runs once per loaded target class
 * after the patching transition has completed, every thread running the patch.
 *
 * <p>The method is static, takes no parameter or one {@link PatchTarget},
 * and returns {@code void} or {@code boolean}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PostPatch {
}
