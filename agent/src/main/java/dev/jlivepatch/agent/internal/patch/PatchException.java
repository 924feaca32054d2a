package dev.jlivepatch.agent.internal.patch;

/**
 * A patch refused: the message is the one-line reason shown to the user. Line
 * breaks and other control characters in a reason (they can come from a hostile
 * jar: an entry name, a class name the JVM quotes) are shown escaped, so that
 * the reason stays one line; a reason longer than 1,000 characters is cut there.
 */
public final class PatchException extends Exception {
    private static final long serialVersionUID = 1L;
    /** The longest reason shown whole, in characters. */
    private static final int MAX = 1000;
    private boolean logged;

    public PatchException(String reason) {
        super(oneLine(reason));
    }

    public PatchException(String reason, Throwable cause) {
        super(oneLine(reason), cause);
    }

    private static String oneLine(String reason) {
        if (reason == null || reason.length() <= MAX && reason.chars().noneMatch(Character::isISOControl)) {
            return reason;
        }
        StringBuilder out = new StringBuilder(reason.length() + 16);
        reason.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        if (out.length() > MAX) {
            // a JVM's message can run to pages (a VerifyError quotes the bytecode): its start says what is wrong
            int more = out.length() - MAX;
            out.setLength(MAX);
            out.append("... (").append(more).append(" more characters)");
        }
        return out.toString();
    }

    /** Marks the refusal as already logged, in the kernel's order, where it happened. */
    public PatchException logged() {
        logged = true;
        return this;
    }

    public boolean isLogged() {
        return logged;
    }
}
