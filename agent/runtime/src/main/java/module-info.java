/**
 * The stub runtime. Only {@code java.base}: these classes live in the
 * bootstrap class loader of every patched JVM. The module descriptor exists
 * for the compiler's sake; at run time the classes are in the bootstrap
 * loader's unnamed module.
 */
module dev.jlivepatch.runtime {
    exports dev.jlivepatch.runtime;
}
