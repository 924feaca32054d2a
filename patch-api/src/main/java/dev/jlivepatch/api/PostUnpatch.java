package dev.jlivepatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link Patch} class as its target's
 * post-unpatch callback (kernel: {@code post_unpatch_callback}): it runs once per loaded target class
 * after the unpatching transition has completed, no thread running the patch any more; also when a later pre-patch callback refused the patch, for targets whose pre-patch callback had already run.
 *
 * <p>The method is static, takes no parameter or one {@link PatchTarget},
 * and returns {@code void} or {@code boolean}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PostUnpatch {
}
