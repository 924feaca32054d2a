package dev.jlivepatch.selftest.patches.kinds.access;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.api.TargetMethod;
import dev.jlivepatch.selftest.apps.kinds.access.Vault;
import dev.jlivepatch.selftest.apps.kinds.access.VaultBase;

/** Reads and writes private instance and static fields, calls private instance and static methods. */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.access.Vault")
public final class VaultFix {
    private static final String BASE = "dev.jlivepatch.selftest.apps.kinds.access.VaultBase";

    private VaultFix() {
    }

    @TargetField("count")
    static int count(Vault self) {
        throw new AssertionError();
    }

    @TargetField("count")
    static void count(Vault self, int v) {
        throw new AssertionError();
    }

    @TargetField("label")
    static String label() {
        throw new AssertionError();
    }

    @TargetField("label")
    static void label(String v) {
        throw new AssertionError();
    }

    @TargetField("id")
    static String id(Vault self) {
        throw new AssertionError();
    }

    @TargetField("big")
    static long big(Vault self) {
        throw new AssertionError();
    }

    @TargetField("big")
    static void big(Vault self, long v) {
        throw new AssertionError();
    }

    @TargetField("ratio")
    static double ratio(Vault self) {
        throw new AssertionError();
    }

    @TargetField(value = "origin", owner = BASE)
    static String origin(VaultBase self) {
        throw new AssertionError();
    }

    @TargetMethod("secret")
    static String secret(Vault self, int n) {
        throw new AssertionError();
    }

    @TargetMethod("scramble")
    static int scramble(int x) {
        throw new AssertionError();
    }

    @TargetMethod("mulBig")
    static long mulBig(Vault self, long a, double b) {
        throw new AssertionError();
    }

    @TargetMethod(value = "baseSecret", owner = BASE)
    static String baseSecret(VaultBase self) {
        throw new AssertionError();
    }

    @Replace
    static String report(Vault self) {
        int c = count(self);
        count(self, c + 10);
        String l = label();
        label(l + "+new");
        big(self, big(self) + 1);
        return "new count=" + c + "->" + count(self) + " label=" + l + "->" + label() + " id=" + id(self)
                + " ratio=" + ratio(self) + " origin=" + origin(self) + " secret=" + secret(self, 7)
                + " scramble=" + scramble(3) + " mulBig=" + mulBig(self, 10, 0.5) + " base=" + baseSecret(self);
    }
}
