package dev.jlivepatch.agent.internal.watch;

import dev.jlivepatch.agent.internal.patch.JarLimits;
import dev.jlivepatch.agent.internal.patch.PatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Checks that every entry of a jar is signed by a trusted key, with the JDK's
 * own jar verification ({@link JarFile} opened to verify): reading an entry
 * whose bytes do not match the digest signed for it fails, an entry added
 * after signing has no signer, and a jar signed with another key has signers
 * whose chain leads to no trusted certificate ({@link Chains}: followed up
 * to the trust store, validity dates checked). The signature files themselves
 * ({@code META-INF/MANIFEST.MF}, {@code *.SF}, {@code *.RSA}, {@code *.DSA},
 * {@code *.EC}, {@code SIG-*}) are the only entries not signed. The JDK does
 * not notice an entry that was signed and then removed, so every entry a
 * signature file lists must be in the jar.
 */
final class SignatureCheck {
    private SignatureCheck() {
    }

    /** Why the jar is refused, or null when every entry is signed by a trusted key. */
    static String verify(Path jar, Set<Certificate> trusted, Path store) {
        int signed = 0;
        String unsigned = null;
        String untrusted = null;
        Date now = new Date();
        Set<String> listed = new TreeSet<>();
        Set<String> present = new HashSet<>();
        try {
            // Verification reads every entry whole: first make sure that is bounded (a zip bomb is refused).
            JarLimits.check(jar, jar.getFileName().toString());
        } catch (PatchException e) {
            return e.getMessage();
        } catch (IOException | RuntimeException e) {
            return "cannot read it to check its signature: " + e;
        }
        try (JarFile jf = new JarFile(jar.toFile(), true)) {
            for (JarEntry e : Collections.list(jf.entries())) {
                present.add(e.getName());
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = jf.getInputStream(e)) {
                    in.transferTo(OutputStream.nullOutputStream()); // verification happens as the entry is read
                }
                if (signatureFile(e.getName())) {
                    if (e.getName().toUpperCase(Locale.ROOT).endsWith(".SF")) {
                        try (InputStream in = jf.getInputStream(e)) {
                            listed.addAll(new Manifest(in).getEntries().keySet());
                        }
                    }
                    continue;
                }
                CodeSigner[] signers = e.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned = unsigned == null ? e.getName() : unsigned;
                    continue;
                }
                signed++;
                if (untrusted == null) {
                    untrusted = Chains.verdict(signers, trusted, store, now);
                }
            }
        } catch (SecurityException e) {
            return "tampered with after it was signed: " + e.getMessage();
        } catch (IOException e) {
            return "cannot read it to check its signature: " + e.getMessage();
        }
        listed.removeAll(present);
        if (!listed.isEmpty()) {
            return "entry " + listed.iterator().next() + " is signed but missing from the jar (removed after the jar"
                    + " was signed?)";
        }
        if (signed == 0) {
            return "not signed (trust=" + store + " accepts only jars signed by a key in it)";
        }
        if (unsigned != null) {
            return "entry " + unsigned + " is not signed (added after the jar was signed?)";
        }
        return untrusted;
    }

    /** The files that make up a signature, which the JDK does not sign. */
    static boolean signatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.equals("MANIFEST.MF") || file.startsWith("SIG-") || file.endsWith(".SF")
                || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC");
    }
}
