package shop;

/** A switch on strings. */
public final class Commands {
    private Commands() {
    }

    public static String run(String command) {
        switch (command) {
            case "start":
                return "starting";
            default:
                return "unknown " + command;
        }
    }
}
