package dev.jlivepatch.selftest.apps.lifecycle;

/**
 * The kernel's test-livepatch targets: what {@code /proc/cmdline},
 * {@code /proc/meminfo} and {@code /proc/version} show, each a method a patch
 * replaces with a line saying it has been live patched.
 */
public final class Proc {
    private Proc() {
    }

    public static String cmdline() {
        return "BOOT_IMAGE=/vmlinuz root=/dev/vda1";
    }

    public static String meminfo() {
        return "MemTotal: 2048 kB";
    }

    public static String version() {
        return "Linux version 6.12";
    }
}
