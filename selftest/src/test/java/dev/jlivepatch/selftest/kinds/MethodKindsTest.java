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
 * Every kind of method can be patched, its replacement runs, and disabling brings the original
 * back, in one application: instance, static, private, final, synchronized (the replacement runs
 * with the monitor held, and a throwing one releases it), varargs, generic (erased signatures, and
 * an override beside its bridge), primitive-heavy signatures with long and double, arrays, void,
 * overloads, checked exceptions, recursion, an interface's default and static methods, and methods
 * of static nested, inner, private nested and anonymous classes. Also after C2 has compiled the
 * patched and the unpatched code.
 */
class MethodKindsTest {
    private static final String MAIN = Fixtures.APPS + "methods.Main";

    /** kind, original result, patched result. */
    private static final String[][] KINDS = {
        {"instance", "hello bob", "hi bob"},
        {"static", "42", "63"},
        {"private", "psst!", "PSST!"},
        {"final", "2", "101"},
        {"synchronized", "orig locked=true", "new locked=true"},
        {"static synchronized", "orig locked=true", "new locked=true"},
        {"synchronized throws", "!IllegalStateException: orig sync",
            "!UnsupportedOperationException: new sync locked=true"},
        {"monitor released", "true", "true"},
        {"varargs", "a-b-c", "a--b--c"},
        {"static varargs", "3", "30"},
        {"generic", "9", "3"},
        {"primitives", "123.75", "-123.75"},
        {"wide", "1099511627781", "1099511627771"},
        {"long[]", "[10, 20, 30]", "[11, 21, 31]"},
        {"int[][]", "[[1, 0], [0, 1]]", "[[2, 2], [2, 2]]"},
        {"String[]", "[x, y]", "[y, x]"},
        {"void", "orig:r;", "new:r;"},
        {"char", "z", "d"},
        {"boolean", "true", "false"},
        {"byte", "44", "45"},
        {"short", "5", "2"},
        {"float", "1.0", "0.75"},
        {"overload patched", "int 5", "INT 5"},
        {"overload unpatched", "string 5", "string 5"},
        {"throws ok", "12", "24"},
        {"throws", "!IOException: orig bad x", "!IOException: new bad x"},
        // Every level of the recursion runs the replacement: 2*4 + 2*3 + 2*2 + 2*1 + 1000.
        {"recursive static", "10", "1020"},
        {"recursive instance", "3", "106"},
        {"default", "area 4.0", "shape of area 4.0"},
        {"interface static", "cm", "mm"},
        {"nested", "nested", "NESTED"},
        {"nested static", "7", "8"},
        {"inner", "inner of o", "INNER of o"},
        {"private nested", "hidden", "HIDDEN"},
        {"anonymous", "anon of o", "ANON of o"},
        {"generic class", "v", "[v]"},
        {"bridged override", "2", "101"},
    };

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void everyKindPatchesAndUnpatches(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-methods-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "methods", Set.of(), Map.of());
        Path patch = Fixtures.patch(dir.resolve("kinds.jar"), "kinds", Fixtures.PATCHES + "methods");

        Run run = Run.java(jdk, "", app.toString(), MAIN,
                "call", "hot", "load:" + patch, "call", "hot", "disable:kinds", "call", "hot", "enable:kinds", "call");

        List<String> expected = new ArrayList<>();
        expected.addAll(results(1));
        expected.add(hot(false));
        expected.add("load kinds.jar");
        expected.addAll(results(2));
        expected.add(hot(true));
        expected.add("disable kinds");
        expected.addAll(results(1));
        expected.add(hot(false));
        expected.add("enable kinds");
        expected.addAll(results(2));
        Checks.clean(run).expectOut(expected.toArray(new String[0]))
                .expectLine("'kinds': patching complete")
                .expectLine("'kinds': unpatching complete");
    }

    private static List<String> results(int column) {
        List<String> out = new ArrayList<>();
        for (String[] k : KINDS) {
            out.add(k[0] + ": " + k[column]);
        }
        return out;
    }

    /** What Main.hot prints, original or patched. */
    private static String hot(boolean patched) {
        long sum = 0;
        for (int i = 0; i < 200_000; i++) {
            int a = i & 7;
            int b = i & 3;
            sum += patched
                    ? 3 * a + (a + 100) + "hi x".length() + (1000 + b * (b + 1))
                    : 2 * a + (a + 1) + "hello x".length() + b * (b + 1) / 2;
        }
        return "hot sum: " + sum;
    }
}
