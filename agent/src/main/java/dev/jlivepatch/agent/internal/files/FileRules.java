package dev.jlivepatch.agent.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * Who may change what the agent loads. A patch jar is code that runs inside
 * the JVM, so only the JVM's own user (and root, who can change the JVM
 * anyway) may be able to write it, replace it, or redirect its path: the file
 * itself, every directory on the way to it, and every symbolic link on that
 * way. A directory on the way may be writable by others when its sticky bit
 * is set ({@code /tmp}): there, others cannot rename or delete what is ours.
 * Anything on a file system mounted read-only (a Kubernetes ConfigMap or
 * Secret volume) can be written by nobody, whatever its mode says.
 *
 * <p>Paths are walked one name at a time, without trusting the operating
 * system to follow links: each link met must be owned by the JVM's user or
 * root (a link's own mode means nothing, but whoever owns it can point it
 * elsewhere), and is followed by hand, so that the directories checked are
 * the directories the file is really reached through.
 */
public final class FileRules {
    private static final int GROUP_WRITE = 0020;
    private static final int OTHER_WRITE = 0002;
    private static final int STICKY = 01000;
    private static final int ROOT = 0;
    /** As the kernel's limit on links followed in one lookup (ELOOP). */
    private static final int MAX_LINKS = 40;
    private static FileRules forThisJvm;

    private final int jvmUid;

    private FileRules(int jvmUid) {
        this.jvmUid = jvmUid;
    }

    /**
     * The rules for this JVM's user.
     *
     * @return the rules
     * @throws IOException if the file system does not report POSIX owners and modes
     */
    public static synchronized FileRules forThisJvm() throws IOException {
        if (forThisJvm == null) {
            forThisJvm = new FileRules(ownUid());
        }
        return forThisJvm;
    }

    /** @return the uid of this JVM's user */
    public int jvmUid() {
        return jvmUid;
    }

    /**
     * A path as it really is (no link left in it), after checking every
     * directory, link and the file on the way to it.
     *
     * @param real the path with every link followed
     * @param refusal why it cannot be trusted, or null when it can
     */
    public record Resolved(Path real, String refusal) {
    }

    /**
     * Walks an absolute path name by name, following each link by hand after
     * checking its owner, and checks every directory on the way (the sticky bit
     * is enough for them) and the last one (it may not be writable by others).
     *
     * @param given an absolute path
     * @return the real path and the reason it is refused, if it is
     * @throws java.nio.file.NoSuchFileException if a name on the way does not exist
     * @throws IOException if a name on the way cannot be looked at
     */
    public Resolved resolve(Path given) throws IOException {
        Path root = given.getRoot();
        if (root == null) {
            throw new IllegalArgumentException("not an absolute path: " + given);
        }
        Deque<String> names = new ArrayDeque<>();
        push(names, given);
        Path cur = root;
        String refusal = names.isEmpty() ? check(root, false) : check(root, true);
        int links = 0;
        while (!names.isEmpty() && refusal == null) {
            String name = names.pop();
            if (name.equals(".") || name.isEmpty()) {
                continue;
            }
            if (name.equals("..")) {
                cur = cur.getParent() == null ? cur : cur.getParent(); // cur holds no link: its parent is real
                continue;
            }
            Path next = cur.resolve(name);
            if (Files.isSymbolicLink(next)) {
                refusal = ++links > MAX_LINKS ? given + ": too many symbolic links on the way" : checkLink(next);
                Path to = Files.readSymbolicLink(next);
                push(names, to);
                if (to.isAbsolute()) {
                    cur = to.getRoot();
                }
                continue;
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                throw new java.nio.file.NoSuchFileException(next.toString());
            }
            cur = next;
            refusal = check(cur, !names.isEmpty());
        }
        return new Resolved(cur, refusal);
    }

    private static void push(Deque<String> names, Path p) {
        for (int i = p.getNameCount() - 1; i >= 0; i--) {
            names.push(p.getName(i).toString());
        }
    }

    /**
     * Why a jar found under the watched directory cannot be trusted, or null when it can: it must
     * resolve to a file inside the directory, and it and every directory between it and the
     * watched directory must be writable by nobody else.
     *
     * @param dirReal the watched directory's real path
     * @param name the jar's name in it
     * @param real the jar's real path
     * @return the reason, or null
     */
    public String checkJar(Path dirReal, String name, Path real) {
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

    private String checkLink(Path link) {
        int uid;
        try {
            uid = uid(link);
        } catch (IOException | RuntimeException e) {
            return "cannot read the owner of " + link + ": " + e;
        }
        if (uid != jvmUid && uid != ROOT) {
            return link + " is a symbolic link owned by uid " + uid + ", not by this JVM's user (uid " + jvmUid
                    + ") or root";
        }
        return null;
    }

    /** Checks one file or directory (no link is followed). */
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
     * @param what the file, as the reason names it
     * @param uid its owner
     * @param mode its mode
     * @param jvmUid the JVM's user
     * @param stickyIsEnough whether the sticky bit makes a directory others can write acceptable
     * @param readOnly asked only when the mode would refuse the file: whether its file system is mounted read-only
     * @return the reason the file is refused, or null
     */
    public static String verdict(String what, int uid, int mode, int jvmUid, boolean stickyIsEnough,
                                 BooleanSupplier readOnly) {
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

    /** The owner of a file, a link's own owner for a link. */
    public static int uid(Path p) throws IOException {
        try {
            return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new IOException("the file system does not report POSIX owners and modes", e);
        }
    }

    /** This process's user: its effective uid in {@code /proc/self/status} on Linux, else a new file's owner. */
    private static int ownUid() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                String[] f = line.split("\\s+");
                if (f.length > 2 && f[0].equals("Uid:")) {
                    return Integer.parseInt(f[2]);
                }
            }
        }
        Path probe = Files.createTempFile("jlivepatch-uid-", ".tmp");
        try {
            return uid(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
