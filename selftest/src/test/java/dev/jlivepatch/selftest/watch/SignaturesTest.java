package dev.jlivepatch.selftest.watch;

import static dev.jlivepatch.selftest.watch.WatchFixtures.put;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code trust=} beyond the signer's own certificate (issue 10, door 5): a
 * signed entry removed from the jar is noticed, a certificate that has
 * expired or is not valid yet is refused with its date, and a signer whose
 * certificate a trusted authority issued is accepted: its chain is followed
 * up to the trust store.
 */
class SignaturesTest {
    private static final String SECOND_CLASS = "dev/jlivepatch/selftest/patches/watch/second/Second.class";

    @TempDir
    static Path keyDir;
    static Keys keys;
    static Path trust;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeKeys() throws Exception {
        keys = Keys.create(keyDir);
        keys.genkey("old", "-startdate", "-3d", "-validity", "1");
        keys.genkey("future", "-startdate", "+2d", "-validity", "30");
        keys.chain(keyDir);
        // The authority's certificate, not the leaf's: the chain must be followed.
        trust = keys.trustStore(keyDir.resolve("trust-ca.p12"), "good", "old", "future", "ca");
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void removedEntriesDatesAndChains(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        Path src = tmp.resolve("src");
        Path two = Jars.patch(src.resolve("two.jar"), "two", Map.of(), WatchFixtures.PATCHES + "first",
                WatchFixtures.PATCHES + "second");
        put(Keys.without(keys.sign(two, "good", src.resolve("two-signed.jar")), src.resolve("one.jar"), SECOND_CLASS),
                dir, "a-removed.jar");
        put(keys.sign(fx.patch("second", "old"), "old", src.resolve("old.jar")), dir, "b-expired.jar");
        put(keys.sign(fx.patch("second", "future"), "future", src.resolve("future.jar")), dir, "c-future.jar");
        put(keys.sign(fx.patch("fix1", "fix"), "leaf", src.resolve("leaf.jar")), dir, "d-chain.jar");

        String options = "dir=" + dir + ",trust=" + trust + ",trustpass=" + Keys.PASSWORD;
        try (Live live = WatchFixtures.start(jdk, options)) {
            live.await("watch: read trust store " + trust + ": 4 certificate(s)");
            live.await("watch: a-removed.jar: refused: entry " + SECOND_CLASS + " is signed but missing from the jar"
                    + " (removed after the jar was signed?)");
            live.await("watch: b-expired.jar: refused: signed by 'CN=old', whose certificate expired on ");
            live.await("watch: c-future.jar: refused: signed by 'CN=future', whose certificate is not valid before ");
            live.await("watch: d-chain.jar: loading patch 'fix'");
            live.awaitOut("fix v1 bob");
            live.expect("fix v1 bob", "enabling patch", 1);
            live.finish();
        }
    }
}
