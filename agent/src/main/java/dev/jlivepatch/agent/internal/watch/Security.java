package dev.jlivepatch.agent.internal.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who may change what the watcher loads. A jar is code that runs inside the
 * JVM, so only the JVM's own user (and root, who can change the JVM anyway)
 * may be able to write it, the directory it is in, or any directory above
 * that: otherwise another user could put code into this JVM. A directory
 * above may be writable by others when its sticky bit is set ({@code /tmp}):
 * there, others cannot rename or delete what is ours. Anything on a file
 * system mounted read-only (a Kubernetes ConfigMap or Secret volume) can be
 * written by nobody, whatever its mode says. A name in the directory may be a
 * symbolic link only if it leads to a file inside the directory, as the
 * {@code ..data} links of a ConfigMap mount do.
 */
final class Security {
    private static final int GROUP_WRITE = 0020;
    private static final int OTHER_WRITE = 0002;
    private static final int STICKY = 01000;
    private static final int ROOT = 0;

    private final int jvmUid;

    private Security(int jvmUid) {
        this.jvmUid = jvmUid;
    }

    /**
     * The rules for the JVM's user, learnt from a file the JVM created itself.
     *
     * @throws IOException if the file system does not report POSIX owners and modes
     */
    static Security ofCreator(Path createdByThisJvm) throws IOException {
        return new Security(uid(createdByThisJvm));
    }

    /** Why the watched directory (its real path) cannot be trusted, or null when it can. */
    String checkDirectory(Path dirReal) {
        String reason = check(dirReal, false);
        return reason != null ? reason : checkAbove(dirReal);
    }

    /**
     * Why a jar found under the watched directory cannot be trusted, or null when it can: it must
     * resolve to a file inside the directory, and it and every directory between it and the
     * watched directory must be writable by nobody else.
     */
    String checkJar(Path dirReal, String name, Path real) {
        if (!real.startsWith(dirReal) || real.equals(dirReal)) {
            return name + " is a symbolic link leading outside " + dirReal + " (to " + real + ")";
        }
        for (Path p = real; !p.equals(dirReal); p = p.getParent()) {
            String reason = check(p, false);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** Why a file outside the watched directory (the trust store) cannot be trusted, or null. */
    String checkFile(Path real) {
        String reason = check(real, false);
        return reason != null ? reason : checkAbove(real);
    }

    private String checkAbove(Path real) {
        for (Path p = real.getParent(); p != null; p = p.getParent()) {
            String reason = check(p, true);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** Checks one file or directory (no link is followed: callers pass real paths). */
    private String check(Path p, boolean stickyIsEnough) {
        int uid;
        int mode;
        try {
            uid = uid(p);
            mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return "cannot read the owner and mode of " + p + ": " + e;
        }
        return verdict(p.toString(), uid, mode, jvmUid, stickyIsEnough, () -> readOnly(p));
    }

    /**
     * The rule itself, apart from the file system so that it can be tested alone.
     *
     * @param readOnly asked only when the mode would refuse the file: whether its file system is mounted read-only
     * @return the reason the file is refused, or null
     */
    static String verdict(String what, int uid, int mode, int jvmUid, boolean stickyIsEnough,
                          java.util.function.BooleanSupplier readOnly) {
        if (uid != jvmUid && uid != ROOT) {
            return what + " is owned by uid " + uid + ", not by this JVM's user (uid " + jvmUid + ") or root";
        }
        int writable = mode & (GROUP_WRITE | OTHER_WRITE);
        if (writable == 0 || (stickyIsEnough && (mode & STICKY) != 0) || readOnly.getAsBoolean()) {
            return null;
        }
        String who = writable == (GROUP_WRITE | OTHER_WRITE) ? "its group and other users"
                : writable == GROUP_WRITE ? "its group" : "other users";
        return what + " is writable by " + who + " (mode " + String.format("%04o", mode & 07777)
                + "); only its owner may write it";
    }

    private static boolean readOnly(Path p) {
        try {
            return Files.getFileStore(p).isReadOnly();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int uid(Path p) throws IOException {
        try {
            return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new IOException("the file system does not report POSIX owners and modes", e);
        }
    }
}
