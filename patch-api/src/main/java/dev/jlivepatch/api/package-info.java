/**
 * What a patch jar is written against: the annotations that say what a patch
 * replaces ({@link dev.jlivepatch.api.Patch}, {@link dev.jlivepatch.api.Replace}),
 * the four callbacks, access to private members of the target
 * ({@link dev.jlivepatch.api.TargetField}, {@link dev.jlivepatch.api.TargetMethod}),
 * shadow variables ({@link dev.jlivepatch.api.Shadow}) and patch states
 * ({@link dev.jlivepatch.api.State}).
 *
 * <p>At run time these classes exist once per JVM, supplied by the agent on the
 * bootstrap class path; patch jars compile against them and do not bundle them.
 */
package dev.jlivepatch.api;
