package dev.jlivepatch.agent.internal.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot be patched safely is refused, every cause at once, each named
 * with where it is, and nothing is written; {@code --include} leaves out
 * what the operator does not patch, refusals included.
 */
class BuildRefusalTest {

    /** One class per refusal, in both builds. */
    private static Map<String, String[]> cases() {
        Map<String, String[]> c = new TreeMap<>();
        c.put("p.Fields", new String[] {
            "package p; public class Fields { int a; long b; String c; int get() { return a; } }",
            "package p; public class Fields { int a; int b; String d; int get() { return a; } }"});
        c.put("p.Base", new String[] {"package p; public class Base { public int m() { return 1; } }", null});
        c.put("p.Other", new String[] {"package p; public class Other { public int m() { return 1; } }", null});
        c.put("p.Sup", new String[] {"package p; public class Sup extends Base { }",
            "package p; public class Sup extends Other { }"});
        c.put("p.Ifaces", new String[] {"package p; public class Ifaces implements Runnable { public void run() { } }",
            "package p; public class Ifaces implements Runnable, java.io.Serializable { public void run() { } }"});
        c.put("p.Api", new String[] {
            "package p; public class Api { public int price(int c) { return c; } }",
            "package p; public class Api { public long price(long c) { return c * 2; } }"});
        c.put("p.Client", new String[] {
            "package p; public class Client { int use() { return new Api().price(3); } }",
            "package p; public class Client { int use() { return (int) new Api().price(3); } }"});
        c.put("p.Ctor", new String[] {
            "package p; public class Ctor { int x; public Ctor() { x = 1; } }",
            "package p; public class Ctor { int x; public Ctor() { x = 2; } }"});
        c.put("p.Init", new String[] {
            "package p; public class Init { static final java.util.List<Integer> L = java.util.List.of(1); }",
            "package p; public class Init { static final java.util.List<Integer> L = java.util.List.of(2); }"});
        c.put("p.Sub", new String[] {
            "package p; public class Sub extends Base { public int m() { return 2; } }",
            "package p; public class Sub extends Base { public int m() { return super.m() + 2; } }"});
        c.put("p.Grow", new String[] {
            "package p; public class Grow { public int a() { return 1; } }",
            "package p; public class Grow { public int a() { return extra(); } public int extra() { return 2; } }"});
        c.put("p.Fine", new String[] {"package p; public class Fine { public int v() { return 1; } }",
            "package p; public class Fine { public int v() { return 2; } }"});
        c.put("p.Mods", new String[] {
            "package p; public class Mods { public void tick() { } }",
            "package p; public class Mods { public synchronized void tick() { } }"});
        return c;
    }

    private static Map<String, String> version(int v) {
        Map<String, String> out = new TreeMap<>();
        cases().forEach((name, src) -> out.put(name, src[v] != null ? src[v] : src[0]));
        return out;
    }

    @Test
    void everyCauseIsReportedWithWhereItIs(@TempDir Path dir) throws Exception {
        Builds b = Builds.of(dir, version(0), version(1));
        assertEquals(Builder.Outcome.REFUSED, b.outcome(), b::report);
        assertFalse(Files.exists(b.jar), "nothing written");
        List<String> refused = b.result.report().of(Report.Decision.REFUSE).stream()
                .map(e -> e.where() + " (" + e.at() + "): " + e.what()).toList();
        String shadow = "keep such state in a shadow variable instead (dev.jlivepatch.api.Shadow,"
                + " docs/shadow-variables.md)";
        List<String> expected = List.of(
                "p.Api.price(int) (Api.java:1): signature changed to price(long): callers outside the patch still"
                        + " call the old method (it is public: code in other jars may call it too)",
                "p.Ctor.<init>() (Ctor.java:1): constructor body changed: constructors cannot be patched (objects"
                        + " already built keep what the old one did); move the change into a method",
                "p.Fields.b (Fields.java): field b changed type from long to int: a patch cannot change a field's"
                        + " type; " + shadow,
                "p.Fields.d (Fields.java): new field d (java.lang.String): a patch cannot add a field to a loaded"
                        + " class; " + shadow,
                "p.Fields.c (Fields.java): field c (java.lang.String) removed: a patch cannot remove a field; the"
                        + " running objects keep it, and code left out of the patch may still use it",
                "p.Grow.extra() (Grow.java:1): new public instance method: a patch cannot add a method that the JVM"
                        + " dispatches virtually (it may override or be overridden); make it private or static, or"
                        + " leave it out with --include",
                "p.Client.use() (Client.java:1): calls p.Api.price(long), a new public instance method: a patch"
                        + " cannot add a method that the JVM dispatches virtually; make it private or static",
                "p.Sup.<init>() (Sup.java:1): constructor body changed: constructors cannot be patched (objects"
                        + " already built keep what the old one did); move the change into a method",
                "p.Grow.a() (Grow.java:1): calls p.Grow.extra(), a new public instance method: a patch cannot add a"
                        + " method that the JVM dispatches virtually; make it private or static",
                "p.Ifaces (Ifaces.java): interfaces changed: added java.io.Serializable: a patch cannot change the"
                        + " class hierarchy of a loaded class",
                "p.Init.<clinit>() (Init.java:1): static initialiser body changed: it ran when the class was loaded"
                        + " and does not run again",
                "p.Mods.tick() (Mods.java:1): modifiers changed from 'public' to 'public synchronized': a patch"
                        + " cannot change a method's modifiers",
                "p.Sub.m() (Sub.java:1): calls super.m() (p.Base.m()): a patch class cannot make a super call; call"
                        + " a method that makes it, or leave this method out",
                "p.Sup (Sup.java): superclass changed from p.Base to p.Other: a patch cannot change the class"
                        + " hierarchy of a loaded class");
        assertEquals(String.join("\n", expected.stream().sorted().toList()), String.join("\n",
                refused.stream().sorted().toList()), b::report);
        assertEquals("refused: 14 changes cannot be patched safely (listed above); no patch written",
                b.result.summary());
    }

    @Test
    void includeLeavesOutWhatIsNotPatchedRefusalsIncluded(@TempDir Path dir) throws Exception {
        Builds b = Builds.of(dir, version(0), version(1), "p.Fine");
        assertEquals(Builder.Outcome.WRITTEN, b.outcome(), b::report);
        assertEquals(List.of("p.Fine.v(): body changed"), b.entries(Report.Decision.REPLACE));
        assertTrue(b.entries(Report.Decision.EXCLUDE).contains("p.Mods.tick(): modifiers changed from 'public' to"
                + " 'public synchronized'; no --include pattern names it"), b::report);
        assertTrue(b.result.summary().endsWith(" replaced within --include p.Fine"), b.result::summary);
        Builds f = Builds.of(dir.resolve("f"), version(0), version(1), "p.F*");
        assertEquals(List.of("p.Fields.b", "p.Fields.d", "p.Fields.c"), f.result.report().of(Report.Decision.REFUSE)
                .stream().map(Report.Entry::where).toList(), "p.F* names Fields too, whose changes are refused");

        // The fixed caller alone links to a method the running class lacks: refused, naming it.
        Builds c = Builds.of(dir.resolve("c"), version(0), version(1), "p.Client#use", "p.Sub#m");
        assertEquals(List.of("p.Client.use(): calls p.Api.price(long), a new public instance method: a patch cannot"
                + " add a method that the JVM dispatches virtually; make it private or static",
                "p.Sub.m(): calls super.m() (p.Base.m()): a patch class cannot make a super call; call a method"
                        + " that makes it, or leave this method out"), c.entries(Report.Decision.REFUSE), c::report);
    }

    @Test
    void aPackagePrivateSignatureChangeNoCallerOutsideThePatchUsesIsCarried(@TempDir Path dir) throws Exception {
        String old = """
                package p;
                public class Tax {
                    static int rate(int c) { return c / 10; }
                    public int of(int c) { return rate(c); }
                }
                """;
        String now = old.replace("static int rate(int c) { return c / 10; }",
                "static long rate(long c) { return c / 5; }").replace("return rate(c);", "return (int) rate(c);");
        Builds b = Builds.of(dir, Map.of("p.Tax", old), Map.of("p.Tax", now));
        assertEquals(Builder.Outcome.WRITTEN, b.outcome(), b::report);
        assertEquals(List.of("p.Tax.rate(int): signature changed to rate(long); no caller outside the patch calls"
                + " the old one"), b.entries(Report.Decision.NOTE), b::report);
        assertEquals(List.of("p.Tax.rate(long): new package-private static method the patched code uses, carried as"
                + " p.Tax$$Livepatch.rate"), b.entries(Report.Decision.CARRY), b::report);

        // With a caller outside the patch (left out by --include), the old signature is still needed: refused.
        String user = "package p; class User { int go() { return Tax.rate(50); } }";
        Builds c = Builds.of(dir.resolve("c"), Map.of("p.Tax", old, "p.User", user), Map.of("p.Tax", now,
                "p.User", user.replace("return Tax.rate(50);", "return (int) Tax.rate(50);")), "p.Tax");
        assertEquals(List.of("p.Tax.rate(int): signature changed to rate(long): callers outside the patch still call"
                + " the old method; called by p.User.go()"), c.entries(Report.Decision.REFUSE), c::report);
    }

    @Test
    void aSerializableLambdaIsRefused(@TempDir Path dir) throws Exception {
        String old = """
                package p;
                import java.io.Serializable;
                import java.util.function.IntSupplier;
                public class Ser {
                    interface S extends IntSupplier, Serializable { }
                    public static IntSupplier make() { return () -> 1; }
                }
                """;
        Builds b = Builds.of(dir, Map.of("p.Ser", old), Map.of("p.Ser", old.replace("return () -> 1;",
                "return (S) () -> 2;")));
        assertEquals(Builder.Outcome.REFUSED, b.outcome(), b::report);
        assertTrue(b.entries(Report.Decision.REFUSE).get(0).startsWith("p.Ser.make(): creates a serializable lambda"),
                b::report);
    }

    @Test
    void whatTheAgentsRewritingRefusesRefusesTheBuild(@TempDir Path dir) throws Exception {
        String oops = "package p; class Oops extends RuntimeException { }";
        String old = "package p; public class Risky { public int go() { return 1; } }";
        String now = "package p; public class Risky { public int go() { try { return 1; } catch (Oops e) { return 2; }"
                + " } }";
        Builds b = Builds.of(dir, Map.of("p.Oops", oops, "p.Risky", old), Map.of("p.Oops", oops, "p.Risky", now));
        assertEquals(List.of("p.Risky.go(): the agent would refuse its patch: p.Risky$$Livepatch.go catches p.Oops,"
                + " which the patch's class loader cannot access (package-private)"),
                b.entries(Report.Decision.REFUSE), b::report);
    }

    @Test
    void aProtectedMemberOfAnotherPackageIsRefused(@TempDir Path dir) throws Exception {
        String base = "package p; public class Base { protected static int prot() { return 1; } }";
        String old = "package q; public class Sub extends p.Base { public int go() { return 1; } }";
        String now = "package q; public class Sub extends p.Base { public int go() { return p.Base.prot(); } }";
        Builds b = Builds.of(dir, Map.of("p.Base", base, "q.Sub", old), Map.of("p.Base", base, "q.Sub", now));
        assertEquals(List.of("q.Sub.go(): uses p.Base.prot, a protected member of another package,"
                + " which patch code (not a subclass) cannot use"), b.entries(Report.Decision.REFUSE), b::report);
    }

    @Test
    void wrongOptionsAndUnreadableBuilds(@TempDir Path dir) throws Exception {
        assertEquals("--include 'p..X' is not CLASS or CLASS#METHOD (a binary class name, '*' within a name, '**'"
                + " across packages)", assertThrows(BuildException.class,
                        () -> Builder.checkIncludes(List.of("p..X"))).getMessage());
        assertThrows(BuildException.class, () -> Builder.checkId("no spaces"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path notAJar = Files.writeString(dir.resolve("x.jar"), "not a jar");
        assertEquals(empty + ": holds no class files", assertThrows(BuildException.class,
                () -> Builds.of(dir, empty, empty)).getMessage());
        assertTrue(assertThrows(BuildException.class, () -> Builds.of(dir, notAJar, empty)).getMessage()
                .startsWith(notAJar + ": not a jar, or truncated: "));
        assertEquals(dir.resolve("missing") + ": no such jar or class directory", assertThrows(BuildException.class,
                () -> Builds.of(dir, dir.resolve("missing"), empty)).getMessage());
    }
}
