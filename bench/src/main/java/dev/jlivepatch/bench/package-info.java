/**
 * JMH benchmarks of jlivepatch's dispatch stubs and of its transitions (see
 * docs/performance.md).
 *
 * <p>Every case comes in three shapes over the same small {@code int -> int}
 * method: {@code single} (one call), {@code loop} (1024 independent calls,
 * results summed) and {@code chain} (1024 calls, each result feeding the
 * next). The loop and chain figures are per call
 * ({@code @OperationsPerInvocation(1024)}).
 *
 * <p>{@link dev.jlivepatch.bench.TransitionBench} times whole transitions,
 * enable or disable to complete, with many live application threads, through
 * the agent's MBean, and the pauses the application threads see meanwhile.
 *
 * <p>Forks find the agent and the patch jars by paths relative to
 * {@code bench/}: run {@code java -jar target/benchmarks.jar} from there.
 * The patch classes ({@code dev.jlivepatch.bench.patch}) are packaged only
 * into the patch jars, never into {@code benchmarks.jar}.
 */
package dev.jlivepatch.bench;
