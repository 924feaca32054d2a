package dev.jlivepatch.selftest.watch;

import static dev.jlivepatch.selftest.watch.WatchFixtures.ORIGINAL;
import static dev.jlivepatch.selftest.watch.WatchFixtures.polls;
import static dev.jlivepatch.selftest.watch.WatchFixtures.put;

import dev.jlivepatch.selftest.harness.Jdk;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code trust=KEYSTORE}: only jars every entry of which is signed by a key
 * whose certificate is in the keystore are loaded; unsigned, tampered (a
 * class or the manifest's patch id), partly signed and wrongly signed jars are
 * refused with their reason; and a
 * keystore that cannot be read trusts nothing.
 */
class TrustTest {
    private static final String SECOND_CLASS = "dev/jlivepatch/selftest/patches/watch/second/Second.class";

    @TempDir
    static Path keyDir;
    static Keys keys;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeKeys() throws Exception {
        keys = Keys.create(keyDir);
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void onlyJarsSignedByATrustedKeyAreLoaded(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        Path src = tmp.resolve("src");
        put(fx.patch("first", "first"), dir, "a-unsigned.jar");
        put(keys.sign(fx.patch("second", "other"), "other", src.resolve("other.jar")), dir, "b-other-key.jar");
        Path signed = keys.sign(fx.patch("second", "tampered"), "good", src.resolve("tampered-signed.jar"));
        put(Keys.rewrite(signed, src.resolve("tampered.jar"), SECOND_CLASS, Keys.replace("second ", "SECOND "), null),
                dir, "c-tampered.jar");
        Path signed2 = keys.sign(fx.patch("second", "added"), "good", src.resolve("added-signed.jar"));
        put(Keys.rewrite(signed2, src.resolve("added.jar"), null, b -> b, "extra.txt"), dir, "d-added.jar");
        Path signed3 = keys.sign(fx.patch("second", "idtamper"), "good", src.resolve("manifest-signed.jar"));
        put(Keys.rewrite(signed3, src.resolve("manifest.jar"), "META-INF/MANIFEST.MF",
                Keys.replace("Livepatch-Id: idtamper", "Livepatch-Id: stolenid"), null), dir, "e-manifest.jar");
        put(keys.sign(fx.patch("fix1", "fix"), "good", src.resolve("good.jar")), dir, "f-good.jar");

        String options = "dir=" + dir + ",trust=" + keys.trust + ",trustpass=" + Keys.PASSWORD;
        try (Live live = WatchFixtures.start(jdk, options)) {
            live.await("watch: watching " + dir + " for patch jars, accepting only jars signed by a key in "
                    + keys.trust);
            live.await("watch: read trust store " + keys.trust + ": 1 certificate(s)");
            live.await("watch: a-unsigned.jar: refused: not signed (trust=" + keys.trust
                    + " accepts only jars signed by a key in it)");
            live.await("watch: b-other-key.jar: refused: signed by 'CN=other', whose certificate is not in trust store "
                    + keys.trust);
            live.await("watch: c-tampered.jar: refused: tampered with after it was signed: SHA-256 digest error for "
                    + SECOND_CLASS);
            live.await("watch: d-added.jar: refused: entry extra.txt is not signed (added after the jar was signed?)");
            live.await("watch: e-manifest.jar: refused: tampered with after it was signed: Invalid signature file"
                    + " digest for Manifest main attributes");
            live.await("enabling patch 'fix'");
            live.awaitOut("fix v1 bob");
            polls(3);
            live.expect("fix v1 bob", "enabling patch", 1).expect("fix v1 bob", ": refused: ", 5);
            live.finish();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aTrustStoreThatCannotBeReadTrustsNothing(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        put(keys.sign(fx.patch("fix1", "fix"), "good", tmp.resolve("src/good.jar")), dir, "good.jar");

        // No trustpass=: a PKCS12 keystore shows no certificate without its password.
        try (Live live = WatchFixtures.start(jdk, "dir=" + dir + ",trust=" + keys.trust)) {
            live.await("watch: trust store " + keys.trust + " holds no certificate (is its password missing? give it"
                    + " with trustpass=); nothing is loaded from " + dir + " or unloaded until it can be used");
            live.awaitOut(ORIGINAL);
            polls(2);
            live.expect(ORIGINAL, "enabling patch", 0);
            live.finish();
        }
        try (Live live = WatchFixtures.start(jdk, "dir=" + dir + ",trust=" + keys.trust + ",trustpass=wrong")) {
            live.await("watch: cannot read trust store " + keys.trust + ": keystore password was incorrect");
            live.awaitOut(ORIGINAL);
            polls(1);
            live.expect(ORIGINAL, "enabling patch", 0);
            live.finish();
        }
    }
}
