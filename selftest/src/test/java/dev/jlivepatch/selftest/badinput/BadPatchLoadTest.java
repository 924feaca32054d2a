package dev.jlivepatch.selftest.badinput;

import static dev.jlivepatch.selftest.badinput.BadJars.ORIGINAL;
import static dev.jlivepatch.selftest.badinput.BadJars.PATCHED;
import static dev.jlivepatch.selftest.badinput.BadJars.SHAPE;
import static dev.jlivepatch.selftest.badinput.BadJars.TARGET;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad patch jars loaded through the MBean into a running application, one
 * after the other: each is refused with a one-line reason naming the cause
 * (logged as well), no refused patch starts a transition or stays registered,
 * the application's output is the same before and after every refusal, and
 * afterwards a good patch still loads, loading the same jar again changes nothing, and
 * disabling it brings the original code back.
 */
class BadPatchLoadTest {
    private static final String P = "dev.jlivepatch.selftest.patches.badinput.";
    private static final String SCORE = "dev.jlivepatch.selftest.apps.badinput.Score";

    /** A bad jar and the reason it is refused; {@code id} is null where the jar is refused before it is read. */
    private record Case(Path jar, String id, String reason) {
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void refusesEachBadPatchAndChangesNothing(Jdk jdk) throws Exception {
        BadJars jars = new BadJars(Run.workDir("badinput-load-" + jdk));
        List<Case> cases = cases(jars);
        List<String> steps = new ArrayList<>(List.of("call"));
        List<String> out = new ArrayList<>(List.of(ORIGINAL));
        for (Case c : cases) {
            steps.addAll(List.of("load:" + c.jar, "call"));
            out.addAll(List.of("load " + c.jar.getFileName(), "refused: " + c.reason, ORIGINAL));
        }
        Path good = jars.patch("good");
        steps.addAll(List.of("patches", "load:" + good, "call", "load:" + good, "call", "patches", "disable:good",
                "call"));
        out.addAll(List.of("patches []", "load good.jar", PATCHED, "load good.jar", PATCHED, "patches [good:true]",
                "disable good", ORIGINAL));

        Run run = Run.java(jdk, "", jars.app().toString(), BadJars.MAIN, steps.toArray(new String[0]))
                .exitsWith(0)
                .expectOut(out.toArray(new String[0]))
                .expectLine("INFO jlivepatch - patch 'good' is loaded already with the same content: nothing changes");
        for (Case c : cases) {
            if (c.id == null) {
                run.expectLine("ERROR jlivepatch - failed to load patch jar " + c.jar + ": " + c.reason);
            } else {
                run.expectLine("ERROR jlivepatch - failed to enable patch '" + c.id + "': " + c.reason)
                        .expectNoLine("'" + c.id + "': starting patching transition");
            }
        }
    }

    private static List<Case> cases(BadJars jars) throws Exception {
        String target = TARGET + ".greet(java.lang.String)";
        return List.of(
                new Case(jars.text(), null, "text.jar: not a jar, or truncated: zip END header not found"),
                new Case(jars.truncated(), null, "truncated.jar: not a jar, or truncated: zip END header not found"),
                new Case(jars.noId(), null, "noid.jar: not a patch jar: the manifest has no Livepatch-Id"),
                new Case(jars.badMagic("badmagic"), null, "badmagic.jar: " + BadJars.GOOD_CLASS
                        + " is not a class file (bad magic 0xCAFEBABF)"),
                new Case(jars.truncatedClass("truncatedclass"), null, "truncatedclass.jar: " + BadJars.GOOD_CLASS
                        + ": the JVM refuses it: Truncated class file"),
                new Case(jars.patch("notpatch"), null, P + "notpatch.NotPatch has @Replace methods or callbacks"
                        + " but no @Patch annotation"),
                bad(jars, "missingmethod", "MissingMethod.farewell: target method " + TARGET + ".farewell not found"),
                bad(jars, "wrongparam", "WrongParam.greet: no method " + TARGET + ".greet takes (" + TARGET
                        + ", int); there are: " + target),
                bad(jars, "wrongreturn", "WrongReturn.greet: " + target
                        + " returns java.lang.String, the replacement returns java.lang.Object"),
                bad(jars, "noreceiver", "NoReceiver.greet: " + target + " is an instance method:"
                        + " the replacement's first parameter must be the receiver (" + TARGET + ")"),
                bad(jars, "extrareceiver", "ExtraReceiver.twice: static " + TARGET + ".twice(int) is static:"
                        + " the replacement must not take a receiver"),
                new Case(jars.patch("nonstatic"), null, P + "nonstatic.NonStatic.greet: a @Replace method must be"
                        + " static (an instance method's receiver is its first parameter)"),
                new Case(jars.patch("tworeplacements"), "tworeplacements", "patch 'tworeplacements': " + target
                        + " has two replacements: " + P + "tworeplacements.TwoReplacements.greet and greetAgain"),
                new Case(jars.patch("clinitthrows"), "clinitthrows", "patch 'clinitthrows': patch class " + P
                        + "clinitthrows.ClinitThrows failed to initialise:"
                        + " java.lang.IllegalStateException: boom in static initialiser"),
                new Case(jars.patch("badcallback"), null, P + "badcallback.BadCallback.prepare: a @PrePatch callback"
                        + " must be static, take () or (PatchTarget), and return void or boolean"),
                bad(jars, "abstractmethod", "AbstractMethod.sides: " + SHAPE + ".sides() is abstract:"
                        + " it has no body to patch (patch the implementing classes, or a default method)"),
                bad(jars, "constructor", "Constructor.init: constructors and class initialisers of " + TARGET
                        + " cannot be patched"),
                bad(jars, "bridge", "Bridge.compareTo: " + SCORE + ".compareTo(java.lang.Object) is a bridge method"
                        + " the compiler generated; patch the method it calls instead: " + SCORE + ".compareTo("
                        + SCORE + ")"));
    }

    /** A patch refused when it is matched to its target: the reason names the patch and its method first. */
    private static Case bad(BadJars jars, String name, String rest) throws Exception {
        return new Case(jars.patch(name), name, "patch '" + name + "': " + P + name + "." + rest);
    }
}
