package dev.jlivepatch.agent.internal.watch;

import dev.jlivepatch.agent.internal.files.FileRules;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code trust=KEYSTORE} option: the certificates whose keys may sign the
 * watched directory's jars. Every certificate in the keystore counts, whether
 * imported as a trusted certificate or as the chain of a private key, so the
 * signer's own keystore works as well as a store of certificates only. The
 * keystore is read again when it changes (a certificate added or rotated);
 * while it cannot be read, or could be changed by other users, nothing is
 * trusted, so nothing is loaded.
 */
final class TrustStore {
    private final Path file;
    private final char[] password;
    private Seen seen;
    private Set<Certificate> certificates = Set.of();
    private String problem = "not read yet";
    private int generation;

    TrustStore(Path file, String password) {
        this.file = file;
        this.password = password == null ? null : password.toCharArray();
    }

    Path file() {
        return file;
    }

    /**
     * Reads the keystore again if it changed since the last call.
     *
     * @return true if what is trusted may have changed
     */
    boolean refresh(FileRules security) {
        Path real;
        Seen now;
        String unsafe;
        try {
            // Every directory and link on the way is checked, and the keystore itself.
            FileRules.Resolved r = security.resolve(file);
            real = r.real();
            unsafe = r.refusal();
            now = Seen.of(real);
        } catch (IOException e) {
            return set(null, "cannot read trust store " + file + ": " + e);
        }
        if (unsafe != null) {
            return set(null, "trust store " + file + " cannot be trusted: " + unsafe);
        }
        if (now.equals(seen)) {
            return false;
        }
        seen = now;
        try {
            KeyStore ks = KeyStore.getInstance(real.toFile(), password);
            Set<Certificate> certs = new HashSet<>();
            for (String alias : Collections.list(ks.aliases())) {
                Certificate[] chain = ks.getCertificateChain(alias);
                if (chain != null && chain.length > 0) {
                    certs.add(chain[0]);
                } else if (ks.getCertificate(alias) != null) {
                    certs.add(ks.getCertificate(alias));
                }
            }
            if (certs.isEmpty()) {
                // A PKCS12 keystore read without its password shows no certificates at all.
                return set(null, "trust store " + file + " holds no certificate"
                        + (password == null ? " (is its password missing? give it with trustpass=)" : ""));
            }
            return set(Set.copyOf(certs), null);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return set(null, "cannot read trust store " + file + ": " + why);
        }
    }

    private boolean set(Set<Certificate> certs, String why) {
        if (why != null) {
            seen = null; // read it again once the problem is gone
        }
        Set<Certificate> next = certs == null ? Set.of() : certs;
        boolean changed = !next.equals(certificates) || !java.util.Objects.equals(why, problem);
        certificates = next;
        problem = why;
        if (changed) {
            generation++;
        }
        return changed;
    }

    /** Why nothing can be trusted now, or null when the keystore was read. */
    String problem() {
        return problem;
    }

    /** The trusted certificates; empty while {@link #problem()} is not null. */
    Set<Certificate> certificates() {
        return certificates;
    }

    /** Counts the changes of what is trusted, so that verdicts reached before a change can be told apart. */
    int generation() {
        return generation;
    }
}
