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
 * Classes of the bootstrap loader: Integer.toHexString (seen also by the JDK's own callers, as
 * Object.toString), and honest replacements of HashMap.get and ArrayList.size that the agent, the
 * JDK and the application keep using while they are enabled: threads, parallel streams, lambdas,
 * reflection, JMX, and the agent loading and unloading another patch. Nothing recurses, deadlocks
 * or gives a wrong answer, and disabling brings the originals back.
 */
class JdkClassesTest {
    private static final String MAIN = Fixtures.APPS + "jdk.Main";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void bootstrapClassesPatchAndUnpatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-jdk-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "jdk", Set.of(), Map.of());
        Path jdkPatch = Fixtures.patch(dir.resolve("jdk.jar"), "jdk", Fixtures.PATCHES + "jdk");
        Path appPatch = Fixtures.patch(dir.resolve("jdkapp.jar"), "jdkapp", Fixtures.PATCHES + "jdkapp");

        Run run = Run.java(jdk, "", app.toString(), MAIN,
                "call", "load:" + jdkPatch, "call", "work",
                "widget", "load:" + appPatch, "widget", "work", "disable:jdkapp", "widget",
                "disable:jdk", "call", "work", "enable:jdk", "call");

        List<String> expected = new ArrayList<>();
        expected.addAll(calls(false));
        expected.add("load jdk.jar");
        expected.addAll(calls(true));
        expected.add(work("jdk=true"));
        expected.add("widget: widget");
        expected.add("load jdkapp.jar");
        expected.add("widget: patched widget");
        expected.add(work("jdk=true, jdkapp=true"));
        expected.add("disable jdkapp");
        expected.add("widget: widget");
        expected.add("disable jdk");
        expected.addAll(calls(false));
        expected.add(work("jdk=false, jdkapp=false"));
        expected.add("enable jdk");
        expected.addAll(calls(true));
        Checks.clean(run).expectOut(expected.toArray(new String[0]))
                .expectLine("'jdk': patching complete")
                .expectLine("'jdkapp': unpatching complete")
                .expectLine("'jdk': unpatching complete");
    }

    private static List<String> calls(boolean patched) {
        return List.of(
                "Integer.toHexString: " + (patched ? "0xff" : "ff"),
                "Object.toString uses it: " + patched,
                "HashMap.get: v",
                "HashMap.get missing: null",
                "HashMap.get probe: " + (patched ? "patched" : "null"),
                "LinkedHashMap.get probe: null",
                "ArrayList.size: 3",
                "ArrayList.size probe: " + (patched ? "1001" : "1"));
    }

    private static String work(String patches) {
        // Formatter prints %x of an int through Long.toHexString: unchanged by the patch.
        return "work: wrong=0 sum=4999950000 groups=3:33333 format=f/42/ff reflect=register patches=[" + patches
                + "]";
    }
}
