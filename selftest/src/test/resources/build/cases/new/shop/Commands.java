package shop;

/** A switch on strings. */
public final class Commands {
    private Commands() {
    }

    public static String run(String command) {
        switch (command) {
            case "stop":
                return "stopping";
            case "start":
                return "starting";
            default:
                return "unknown " + command;
        }
    }
}
