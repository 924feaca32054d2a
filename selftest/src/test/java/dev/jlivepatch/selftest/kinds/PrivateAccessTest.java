package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A replacement reaches what its target's own code could: {@code @TargetField} reads and writes of
 * private instance and static fields (long, double, final, and a superclass's through
 * {@code owner}), {@code @TargetMethod} calls of private instance and static methods, and, from a
 * patch class declared in the target's package, direct use of package-private members. The writes
 * are real: the target's unpatched code sees them.
 */
class PrivateAccessTest {
    private static final String MAIN = Fixtures.APPS + "access.Main";
    private static final String SAME_PACKAGE = Fixtures.APPS + "access.SamePackagePatch";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void replacementsReachPrivateAndPackageMembers(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-access-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "access", Set.of(SAME_PACKAGE), Map.of());
        Path patch = Fixtures.patch(dir.resolve("access.jar"), "access", List.of(Fixtures.PATCHES + "access"),
                Set.of(SAME_PACKAGE));

        Run run = Run.java(jdk, "", app.toString(), MAIN,
                "call", "load:" + patch, "call", "call", "disable:access", "call", "enable:access", "call");
        long big = 1L << 40;
        Checks.clean(run).expectOut(
                "vault: orig count=1 label=orig",
                "vault state: count=1 label=orig big=" + big,
                "tally: orig hits=0",
                "tally state: 0 0",
                "load access.jar",
                "vault: new count=1->11 label=orig->orig+new id=v1 ratio=0.5 origin=base secret=s7@v1 scramble=93"
                        + " mulBig=" + (5 + big + 1) + " base=base-secret",
                "vault state: count=11 label=orig+new big=" + (big + 1),
                "tally: new hits=2->12 total=102 tag=tally ledger",
                "tally state: 12 102",
                "vault: new count=11->21 label=orig+new->orig+new+new id=v1 ratio=0.5 origin=base secret=s7@v1"
                        + " scramble=93 mulBig=" + (5 + big + 2) + " base=base-secret",
                "vault state: count=21 label=orig+new+new big=" + (big + 2),
                "tally: new hits=14->24 total=204 tag=tally ledger",
                "tally state: 24 204",
                "disable access",
                "vault: orig count=21 label=orig+new+new",
                "vault state: count=21 label=orig+new+new big=" + (big + 2),
                "tally: orig hits=24",
                "tally state: 24 204",
                "enable access",
                "vault: new count=21->31 label=orig+new+new->orig+new+new+new id=v1 ratio=0.5 origin=base"
                        + " secret=s7@v1 scramble=93 mulBig=" + (5 + big + 3) + " base=base-secret",
                "vault state: count=31 label=orig+new+new+new big=" + (big + 3),
                "tally: new hits=26->36 total=306 tag=tally ledger",
                "tally state: 36 306");
    }
}
