package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.build.Compile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build} on the command line: its options, its exit statuses, its output and its JSON. */
class BuildCommandTest {
    private static final String OLD = "package p; public class A { public int v() { return 1; } int w; }";

    @TempDir
    Path dir;
    private Path old;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void builds() throws Exception {
        old = Compile.classes(dir.resolve("old"), Map.of("p.A", OLD));
        Compile.classes(dir.resolve("fixed"), Map.of("p.A", OLD.replace("return 1;", "return 2;")));
        Compile.classes(dir.resolve("grown"), Map.of("p.A", OLD.replace("int w;", "int w; int x;")));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> out() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesThePatchAndSaysWhatItReplaces() {
        Path jar = dir.resolve("out/fix.jar");
        assertEquals(0, run("build", "--old", old.toString(), "--new=" + dir.resolve("fixed"), "--id", "fix", "-o",
                jar.toString()), err());
        assertEquals(List.of("  replace   p.A.v() (A.java:1): body changed",
                "patch 'fix' written to " + jar + ": 1 method of 1 class replaced"), out());
        assertEquals("", err());
        assertTrue(Files.isRegularFile(jar));

        assertEquals(0, run("build", "--old", old.toString(), "--new", dir.resolve("fixed").toString(), "--id", "fix",
                "-o", jar.toString(), "--explain"));
        assertEquals("  unchanged p.A.<init>() (A.java:1): unchanged", out().get(0));
        assertEquals("  replace   p.A.v() (A.java:1): body changed (at instruction 1 of 2: ICONST_1 -> ICONST_2)",
                out().get(1));
    }

    @Test
    void refusesWithTheReportOnStdoutAndOneLineOnStderr() {
        Path jar = dir.resolve("fix.jar");
        assertEquals(1, run("build", "--old", old.toString(), "--new", dir.resolve("grown").toString(), "--id", "fix",
                "-o", jar.toString()));
        assertEquals(List.of("  refuse    p.A.x (A.java): new field x (int): a patch cannot add a field to a loaded"
                + " class; keep such state in a shadow variable instead (dev.jlivepatch.api.Shadow,"
                + " docs/shadow-variables.md)"), out());
        assertEquals("jlivepatch: refused: 1 change cannot be patched safely (listed above); no patch written\n",
                err());
        assertTrue(Files.notExists(jar));

        assertEquals(1, run("build", "--old", old.toString(), "--new", old.toString(), "--id", "fix", "-o",
                jar.toString()));
        assertEquals("jlivepatch: nothing to patch: no method of " + old + " behaves differently from " + old
                + "; no patch written\n", err());
        assertEquals(1, run("build", "--old", dir.resolve("none").toString(), "--new", old.toString(), "--id", "fix",
                "-o", jar.toString()));
        assertEquals("jlivepatch: " + dir.resolve("none") + ": no such jar or class directory\n", err());
    }

    @Test
    void wrongCommandLinesExitTwo() {
        String form = ": the form is 'build --old OLD --new NEW --id ID -o OUT.jar' (see 'build --help')";
        assertEquals(2, run("build", "--new", "n", "--id", "x", "-o", "o.jar"));
        assertEquals("jlivepatch: missing --old OLD" + form + "\n", err());
        assertEquals(2, run("build", "--old", "o", "--new", "n", "--id", "x"));
        assertEquals("jlivepatch: missing -o OUT.jar" + form + "\n", err());
        assertEquals(2, run("build", "--old", "o", "--new", "n", "--id", "not an id", "-o", "o.jar"));
        assertTrue(err().startsWith("jlivepatch: patch id 'not an id' must be "), err());
        assertEquals(2, run("build", "--old", "o", "--new", "n", "--id", "x", "-o", "o.jar", "--include", "a b"));
        assertTrue(err().startsWith("jlivepatch: --include 'a b' is not CLASS or CLASS#METHOD"), err());
        assertEquals(2, run("build", "extra", "--old", "o", "--new", "n", "--id", "x", "-o", "o.jar"));
        assertEquals("jlivepatch: unexpected 'extra': the form is 'build' (see 'build --help')\n", err());
        assertEquals(2, run("build", "--old", "o", "--old", "p"));
        assertEquals("jlivepatch: option '--old' given twice\n", err());
        assertEquals(2, run("status", "12", "--include", "p.A"));
        assertEquals("jlivepatch: option '--include' applies only to 'build'\n", err());
        assertEquals(2, run("build", "--old", "o", "--new", "n", "--id", "x", "-o", "o.jar", "--no-wait"));
        assertEquals(2, run("build", "--replace=yes"));
        assertEquals("jlivepatch: option '--replace' takes no value\n", err());
        assertEquals(0, run("build", "--help"));
        assertTrue(out().get(0).startsWith("usage: java -jar jlivepatch.jar build --old OLD --new NEW --id ID"));
    }

    @Test
    void jsonGivesTheOutcomeAndEveryChange() {
        Path jar = dir.resolve("fix.jar");
        assertEquals(0, run("build", "--json", "--old", old.toString(), "--new", dir.resolve("fixed").toString(),
                "--id", "fix", "-o", jar.toString(), "--replace"));
        assertEquals(List.of("{\"command\":\"build\",\"id\":\"fix\",\"output\":\"" + jar + "\",\"result\":\"written\","
                + "\"replaced\":1,\"targets\":1,\"changes\":[{\"decision\":\"replace\",\"where\":\"p.A.v()\","
                + "\"at\":\"A.java:1\",\"what\":\"body changed\",\"detail\":\"at instruction 1 of 2: ICONST_1 ->"
                + " ICONST_2\"}],\"error\":null}"), out());
        assertEquals(1, run("build", "--json", "--old", old.toString(), "--new", dir.resolve("grown").toString(),
                "--id", "fix", "-o", jar.toString()));
        String doc = out().get(0);
        assertTrue(doc.startsWith("{\"command\":\"build\",\"id\":\"fix\",\"output\":null,\"result\":\"refused\","
                + "\"replaced\":0,\"targets\":0,\"changes\":[{\"decision\":\"refuse\",\"where\":\"p.A.x\""), doc);
        assertTrue(doc.endsWith(",\"error\":\"refused: 1 change cannot be patched safely (listed above); no patch"
                + " written\"}"), doc);
    }
}
