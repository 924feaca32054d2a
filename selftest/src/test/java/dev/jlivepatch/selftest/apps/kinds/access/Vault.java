package dev.jlivepatch.selftest.apps.kinds.access;

/** Target whose replacement reaches its private fields and methods. */
public class Vault extends VaultBase {
    private static String label = "orig";
    private int count = 1;
    private final String id;
    private long big = 1L << 40;
    private double ratio = 0.5;

    public Vault(String id) {
        this.id = id;
    }

    private String secret(int n) {
        return "s" + n + "@" + id;
    }

    private static int scramble(int x) {
        return x * 31;
    }

    private long mulBig(long a, double b) {
        return (long) (a * b) + big;
    }

    public String report() {
        return "orig count=" + count + " label=" + label;
    }

    /** Unpatched readers: what the replacement's writes left behind. */
    public String state() {
        return "count=" + count + " label=" + label + " big=" + big;
    }
}
