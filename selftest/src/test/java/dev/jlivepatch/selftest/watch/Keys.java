package dev.jlivepatch.selftest.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Signing keys and signed jars for {@code trust=}, made as a user would: with
 * the {@code keytool} and {@code jarsigner} of the JDK running the tests. One
 * keystore holds two keys, {@code good} and {@code other}; the trust store
 * holds only {@code good}'s certificate.
 */
final class Keys {
    static final String PASSWORD = "changeit";
    private static final Path BIN = Path.of(System.getProperty("java.home"), "bin");

    final Path keys;
    final Path trust;

    private Keys(Path keys, Path trust) {
        this.keys = keys;
        this.trust = trust;
    }

    static Keys create(Path dir) throws Exception {
        Path keys = dir.resolve("keys.p12");
        Path trust = dir.resolve("trust.p12");
        for (String alias : new String[] {"good", "other"}) {
            tool("keytool", "-genkeypair", "-keystore", keys.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                    "-alias", alias, "-keyalg", "EC", "-dname", "CN=" + alias, "-validity", "30");
        }
        Path cert = dir.resolve("good.pem");
        tool("keytool", "-exportcert", "-rfc", "-keystore", keys.toString(), "-storepass", PASSWORD, "-alias", "good",
                "-file", cert.toString());
        tool("keytool", "-importcert", "-noprompt", "-keystore", trust.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-alias", "good", "-file", cert.toString());
        return new Keys(keys, trust);
    }

    /** Adds a key pair {@code alias} ({@code CN=alias}) to the signing keystore, with more keytool options. */
    void genkey(String alias, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-alias", alias, "-keyalg", "EC", "-dname", "CN=" + alias));
        args.addAll(List.of(extra));
        tool("keytool", args.toArray(String[]::new));
    }

    /**
     * A certificate authority {@code ca} and a key {@code leaf} whose certificate {@code ca} issued: the
     * keystore's {@code leaf} entry then holds the chain leaf, ca, and jarsigner puts both in the jar.
     */
    void chain(Path dir) throws Exception {
        genkey("ca", "-ext", "bc:c", "-validity", "30");
        genkey("leaf", "-validity", "30");
        Path req = dir.resolve("leaf.csr");
        Path cert = dir.resolve("leaf.pem");
        tool("keytool", "-certreq", "-keystore", keys.toString(), "-storepass", PASSWORD, "-alias", "leaf",
                "-file", req.toString());
        tool("keytool", "-gencert", "-rfc", "-keystore", keys.toString(), "-storepass", PASSWORD, "-alias", "ca",
                "-infile", req.toString(), "-outfile", cert.toString(), "-validity", "20");
        tool("keytool", "-importcert", "-noprompt", "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-alias", "leaf", "-file", cert.toString());
    }

    /** A trust store holding the certificates of these aliases only. */
    Path trustStore(Path file, String... aliases) throws Exception {
        for (String alias : aliases) {
            Path pem = file.resolveSibling(alias + ".crt");
            tool("keytool", "-exportcert", "-rfc", "-keystore", keys.toString(), "-storepass", PASSWORD, "-alias",
                    alias, "-file", pem.toString());
            tool("keytool", "-importcert", "-noprompt", "-keystore", file.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-alias", alias, "-file", pem.toString());
        }
        return file;
    }

    /** A copy of a jar without one entry, everything else (its signature files too) kept. */
    static Path without(Path jar, Path out, String entry) throws IOException {
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file);
             OutputStream dest = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(dest)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (!e.getName().equals(entry)) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        }
        return out;
    }

    /** {@code jar} signed with the key {@code alias}, written to {@code out}. */
    Path sign(Path jar, String alias, Path out) throws Exception {
        tool("jarsigner", "-keystore", keys.toString(), "-storepass", PASSWORD, "-signedjar", out.toString(),
                jar.toString(), alias);
        return out;
    }

    /** A copy of a jar with one entry's bytes changed, and optionally one entry added, its signature files kept. */
    static Path rewrite(Path jar, Path out, String entry, UnaryOperator<byte[]> change, String added)
            throws IOException {
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file);
             OutputStream dest = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(dest)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(entry) ? change.apply(bytes) : bytes);
                zip.closeEntry();
            }
            if (added != null) {
                zip.putNextEntry(new ZipEntry(added));
                zip.write("added after signing\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out;
    }

    /** Replaces an ASCII string by another of the same length (a constant in a class file). */
    static UnaryOperator<byte[]> replace(String from, String to) {
        return bytes -> {
            String s = new String(bytes, StandardCharsets.ISO_8859_1);
            assertEquals(true, s.contains(from), "the class holds " + from);
            return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private static void tool(String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(BIN.resolve(name).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + ":\n" + out);
    }
}
