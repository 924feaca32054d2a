package dev.jlivepatch.selftest.apps.worlds.tomcat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat serving one web application, {@code /shop}, from a
 * directory whose {@code WEB-INF/lib} holds the application's jar: its
 * classes are defined by the context's webapp class loader, which looks in
 * the web application before its parent (the servlet API comes from the
 * parent). Arguments: Tomcat's base directory and the web application's
 * directory. It prints {@code OUT ready PID PORT} once it serves (on the
 * loopback address); on stdin, {@code redeploy} undeploys the web application
 * and deploys it again (as a new WAR is: a new webapp class loader), {@code quit} stops it.
 */
public final class Server {
    private Server() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Path.of(args[0]).toAbsolutePath().toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        String docBase = Path.of(args[1]).toAbsolutePath().toString();
        Context ctx = deploy(tomcat, docBase);
        tomcat.start();
        out("ready " + ProcessHandle.current().pid() + " " + tomcat.getConnector().getLocalPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.trim().equals("quit"); ) {
            if (line.trim().equals("redeploy")) {
                ClassLoader before = ctx.getLoader().getClassLoader();
                tomcat.getHost().removeChild(ctx);
                ctx = deploy(tomcat, docBase);
                out("redeploy " + (ctx.getLoader().getClassLoader() != before ? "new webapp loader" : "same loader"));
            } else if (line.trim().equals("gc")) {
                for (int i = 0; i < 5; i++) {
                    System.gc();
                    Thread.sleep(100);
                }
                out("gc done");
            } else {
                out("unknown " + line);
            }
        }
        tomcat.stop();
        tomcat.destroy();
        out("bye");
    }

    /** Deploys the web application at {@code /shop} (started at once when Tomcat runs). */
    private static Context deploy(Tomcat tomcat, String docBase) {
        Context ctx = tomcat.addContext("/shop", docBase);
        Tomcat.addServlet(ctx, "greet", "dev.jlivepatch.selftest.apps.worlds.web.GreetServlet");
        ctx.addServletMappingDecoded("/greet", "greet");
        return ctx;
    }

    private static void out(String line) {
        System.out.println("OUT " + line);
        System.out.flush();
    }
}
