package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Original}: a replacement runs the code it replaced, whose body uses private fields and methods, a
 * lambda capturing {@code this}, a method reference to a private method, a {@code super} call and a private
 * static helper; for instance and static methods, hot and compiled; stacked, patch two's accessor runs patch
 * one's replacement, and disabling patch one makes it run the original; and on a JDK class.
 */
class OriginalTest {
    private static final String MAIN = Fixtures.APPS + "original.Main";
    private static final String ORIGINAL = "withdraw: 70 75 0";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void replacementsRunTheCodeTheyReplace(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-original-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "original", Set.of(), Map.of());
        Path first = Fixtures.patch(dir.resolve("first.jar"), "first", Fixtures.PATCHES + "original.first");
        Path second = Fixtures.patch(dir.resolve("second.jar"), "second", Fixtures.PATCHES + "original.second");
        Path jdkFix = Fixtures.patch(dir.resolve("list.jar"), "list", Fixtures.PATCHES + "original.jdk");

        Run run = Run.java(jdk, "", app.toString(), MAIN, "call", "jdk",
                "load:" + first, "call", "hot", "load:" + second, "call", "disable:first", "call",
                "disable:second", "call", "load:" + jdkFix, "jdk", "disable:list", "jdk");
        Checks.clean(run).expectOut(
                ORIGINAL, "history: ann:withdraw 30,ann:withdraw -5,ann:withdraw 500,ann:x",
                "describe: ann extends base", "fee: 3",
                "indexOf: 1 -1 -1",
                "load first.jar",
                "withdraw: 70 -1 0", "history: [ann:withdraw 30,ann:withdraw 500,ann:x]",
                "describe: fixed ann extends base", "fee: 3",
                "hot: 2500006",
                "load second.jar",
                "withdraw: 70 -1 0", "history: [ann:withdraw 30,ann:withdraw 500,ann:x]",
                "describe: twice fixed ann extends base", "fee: 3",
                "disable first",
                ORIGINAL, "history: ann:withdraw 30,ann:withdraw -5,ann:withdraw 500,ann:x",
                "describe: twice ann extends base", "fee: 3",
                "disable second",
                ORIGINAL, "history: ann:withdraw 30,ann:withdraw -5,ann:withdraw 500,ann:x",
                "describe: ann extends base", "fee: 3",
                "load list.jar", "indexOf: 1 4242 -1",
                "disable list", "indexOf: 1 -1 -1");
    }
}
