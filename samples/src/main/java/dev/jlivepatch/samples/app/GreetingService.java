package dev.jlivepatch.samples.app;

/**
 * The sample application: greets the names it is given, as a service would
 * greet each request's user.
 */
public final class GreetingService {

    private GreetingService() {
    }

    public static void main(String[] args) {
        System.setProperty("db.password", "hunter2");
        String[] users = args.length > 0 ? args : new String[] {"alice", "${sys:db.password}"};
        for (String user : users) {
            System.out.println("service> " + Templates.render("Hello, {}! (from ${sys:java.vendor})", user));
        }
    }
}
