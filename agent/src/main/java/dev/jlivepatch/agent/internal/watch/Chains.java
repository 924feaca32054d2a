package dev.jlivepatch.agent.internal.watch;

import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a signer is trusted: its certificate chain, as the jar carries it,
 * must lead (by the JDK's PKIX validation) to a certificate of the trust
 * store, the signer's own certificate included, and every certificate of the
 * chain and the trusted one it leads to must be valid today. Revocation is not
 * checked (no CRL or OCSP is fetched from inside a production JVM).
 */
final class Chains {

    private Chains() {
    }

    /**
     * Why none of a jar entry's signers is trusted, or null when one is.
     *
     * @param signers the entry's signers
     * @param trusted the trust store's certificates
     * @param store the trust store, as reasons name it
     * @param now the date at which certificates must be valid
     * @return the reason for the first signer, or null
     */
    static String verdict(CodeSigner[] signers, Set<Certificate> trusted, Path store, Date now) {
        String first = null;
        for (CodeSigner s : signers) {
            String why = verdict(s.getSignerCertPath(), trusted, store, now);
            if (why == null) {
                return null;
            }
            first = first == null ? why : first;
        }
        return first;
    }

    private static String verdict(CertPath path, Set<Certificate> trusted, Path store, Date now) {
        List<? extends Certificate> certs = path.getCertificates();
        String who = certs.isEmpty() ? "an unknown key" : subject(certs.get(0));
        Set<TrustAnchor> anchors = new HashSet<>();
        for (Certificate c : trusted) {
            if (c instanceof X509Certificate x) {
                anchors.add(new TrustAnchor(x, null));
            }
        }
        if (anchors.isEmpty()) {
            return "signed by " + who + ", and trust store " + store + " holds no X.509 certificate";
        }
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(now);
            PKIXCertPathValidatorResult result =
                    (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(path, params);
            X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
            String dates = dates(anchor, now);
            return dates == null ? null : "signed by " + who + ", trusted through certificate " + subject(anchor)
                    + " of trust store " + store + ", which " + dates;
        } catch (CertPathValidatorException e) {
            int at = e.getIndex();
            Certificate bad = at >= 0 && at < certs.size() ? certs.get(at) : null;
            if ((e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID)
                    && bad instanceof X509Certificate x) {
                String dates = dates(x, now);
                return "signed by " + who + ", whose certificate" + (at == 0 ? "" : " chain holds " + subject(x)
                        + ", which") + " " + (dates == null ? "is not valid: " + e.getMessage() : dates);
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.UNSPECIFIED
                    || e.getReason() == java.security.cert.PKIXReason.NO_TRUST_ANCHOR) {
                return "signed by " + who + ", whose certificate is not in trust store " + store
                        + " and does not chain to one in it";
            }
            return "signed by " + who + ", whose certificate chain is not valid: " + e.getMessage();
        } catch (GeneralSecurityException | RuntimeException e) {
            return "cannot check the certificate chain of " + who + ": " + e;
        }
    }

    /** Why a certificate is not valid at {@code now} (expired, not yet valid), or null when it is. */
    static String dates(X509Certificate x, Date now) {
        try {
            x.checkValidity(now);
            return null;
        } catch (CertificateExpiredException e) {
            return "expired on " + x.getNotAfter().toInstant();
        } catch (CertificateNotYetValidException e) {
            return "is not valid before " + x.getNotBefore().toInstant();
        }
    }

    static String subject(Certificate c) {
        return c instanceof X509Certificate x ? "'" + x.getSubjectX500Principal().getName() + "'" : "an unknown key";
    }
}
