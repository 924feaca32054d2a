/**
 * Fuzzing the patch-jar reader: seed patch jars made with ASM ({@code Seeds}),
 * their mutations as jqwik arbitraries ({@code Mutants}), and the stored corpus
 * of interesting cases ({@code Corpus}, {@code src/test/resources/fuzz-corpus}).
 */
package dev.jlivepatch.fuzztest;
