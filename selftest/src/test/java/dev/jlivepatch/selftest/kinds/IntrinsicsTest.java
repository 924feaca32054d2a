package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JVM intrinsics: compiled code runs the JVM's own implementation of an {@code @IntrinsicCandidate}
 * method, whatever its bytecode says, so a patch of one could never keep the promise of "patching
 * complete". Each is refused with that reason and the hot loops calling them, compiled by C2, keep
 * the JDK's answers. The control, Math.floorMod (no intrinsic), is patched: its compiled loop runs
 * the replacement for every call sampled over 300 ms, and disabling brings the original back.
 */
class IntrinsicsTest {
    private static final String MAIN = Fixtures.APPS + "intrinsics.Main";
    private static final String P = Fixtures.PATCHES + "intrinsics.";
    private static final String PROBE = P + "Probe";
    private static final List<String> LOOPS = List.of("abs", "bitCount", "max", "multiplyExact",
            "numberOfTrailingZeros", "reverse", "equals", "sqrt", "floorMod");

    /** A patch of one JDK method: its id (and package), patch class, and the method as a refusal names it. */
    private record Fix(String id, String patchClass, String target) {
        String refusal() {
            return "refused: patch '" + id + "': " + P + id + "." + patchClass + ": " + target
                    + " is a JVM intrinsic (@IntrinsicCandidate): compiled code runs the JVM's own implementation"
                    + " and would never run the replacement; patch its callers instead";
        }
    }

    private static final List<Fix> INTRINSICS = List.of(
            new Fix("abs", "AbsFix.abs", "static java.lang.Math.abs(int)"),
            new Fix("bitcount", "BitCountFix.bitCount", "static java.lang.Integer.bitCount(int)"),
            new Fix("max", "MaxFix.max", "static java.lang.Math.max(int, int)"),
            new Fix("multiplyexact", "MultiplyExactFix.multiplyExact", "static java.lang.Math.multiplyExact(int, int)"),
            new Fix("ntz", "NumberOfTrailingZerosFix.numberOfTrailingZeros",
                    "static java.lang.Integer.numberOfTrailingZeros(int)"),
            new Fix("reverse", "ReverseFix.reverse", "static java.lang.Integer.reverse(int)"),
            new Fix("equals", "EqualsFix.equals", "static java.util.Arrays.equals(byte[], byte[])"),
            new Fix("sqrt", "SqrtFix.sqrt", "static java.lang.Math.sqrt(double)"));

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void intrinsicsAreRefusedAndOrdinaryJdkMethodsHold(Jdk jdk) throws Exception {
        jdk.java();
        // Integer.reverse became an intrinsic in JDK 20 (JDK-8290034): on 17 it is patched like floorMod.
        boolean reverseIsIntrinsic = jdk.feature() >= 20;
        Path dir = Run.workDir("kinds-intrinsics-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "intrinsics", Set.of(), Map.of());
        List<String> steps = new ArrayList<>(List.of("check"));
        List<String> out = new ArrayList<>(checked(Set.of()));
        for (Fix f : INTRINSICS) {
            steps.add("load:" + jar(dir, f.id));
            out.add("load " + f.id + ".jar");
            if (!f.id.equals("reverse") || reverseIsIntrinsic) {
                out.add(f.refusal());
            }
        }
        Set<String> patched = reverseIsIntrinsic ? Set.of() : Set.of("reverse");
        steps.addAll(List.of("check", "load:" + jar(dir, "floormod"), "check", "disable:floormod"));
        out.addAll(checked(patched));
        out.add("load floormod.jar");
        out.addAll(checked(reverseIsIntrinsic ? Set.of("floorMod") : Set.of("floorMod", "reverse")));
        out.add("disable floormod");
        if (!reverseIsIntrinsic) {
            steps.add("disable:reverse");
            out.add("disable reverse");
        }
        steps.add("check");
        out.addAll(checked(Set.of()));

        Run run = Run.java(jdk, "", app.toString(), MAIN, steps.toArray(new String[0]))
                .exitsWith(0)
                .expectNoLine("Exception in thread")
                .expectNoLine("OUT failed:")
                .expectOut(out.toArray(new String[0]))
                .expectLine("'floormod': patching complete")
                .expectLine("'floormod': unpatching complete");
        for (Fix f : INTRINSICS) {
            if (!f.id.equals("reverse") || reverseIsIntrinsic) {
                run.expectLine("ERROR jlivepatch - failed to enable patch '" + f.id + "': " + f.refusal()
                        .substring("refused: ".length()))
                        .expectNoLine("'" + f.id + "': starting patching transition");
            }
        }
    }

    private static Path jar(Path dir, String id) throws Exception {
        return Fixtures.patch(dir.resolve(id + ".jar"), id, List.of(P + id), Set.of(PROBE));
    }

    /** What one {@code check} prints: each loop, compiled by C2, answering as the JDK or as the patch. */
    private static List<String> checked(Set<String> patched) {
        List<String> lines = new ArrayList<>();
        for (String loop : LOOPS) {
            lines.add(loop + ": " + (patched.contains(loop) ? "patched" : "jdk"));
        }
        return lines;
    }
}
