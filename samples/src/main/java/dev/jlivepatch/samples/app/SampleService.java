package dev.jlivepatch.samples.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sample HTTP service, on the JDK's own {@code com.sun.net.httpserver}:
 * {@code java -jar sample-app.jar [--port N] [--port-file PATH]}.
 *
 * <p>It listens on the loopback interface only (it has a security hole on
 * purpose), prints the address it serves, writes its port to the port file
 * when one is given, and stops cleanly on SIGTERM or Ctrl-C: it finishes the
 * requests in progress and deletes the port file.
 */
public final class SampleService {
    private static final String USAGE = "usage: java -jar sample-app.jar [--port N] [--port-file PATH]";

    private SampleService() {
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        Path portFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (i + 1 >= args.length || !(arg.equals("--port") || arg.equals("--port-file"))) {
                exit(arg.startsWith("--port") ? "missing value after " + arg : "unknown argument '" + arg + "'");
            }
            String value = args[++i];
            if (arg.equals("--port-file")) {
                portFile = Path.of(value).toAbsolutePath();
            } else {
                port = port(value);
            }
        }
        configure();
        start(port, portFile);
    }

    /**
     * The service's configuration, as it would come from a file or a vault:
     * a name that the greeting shows, and the database password that the
     * lookup bug leaks. {@code -D} on the command line overrides either.
     */
    private static void configure() {
        if (System.getProperty("service.name") == null) {
            System.setProperty("service.name", "sample-service");
        }
        if (System.getProperty("db.password") == null) {
            System.setProperty("db.password", "hunter2");
        }
    }

    private static void start(int port, Path portFile) throws IOException {
        // The JDK 17 server writes a response's headers and body apart; without TCP_NODELAY each kept-alive
        // request then waits for the client's delayed ACK (40 ms on Linux). JDK 21 and later buffer the two.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            exit("cannot listen on port " + port + ": " + e.getMessage());
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(4, named());
        server.setExecutor(workers);
        server.createContext("/", new Endpoints());
        server.start();
        int bound = server.getAddress().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, workers, portFile), "sample-stop"));
        System.out.printf("sample-service: listening on http://127.0.0.1:%d/ (pid %d)%n", bound,
                ProcessHandle.current().pid());
        // Last: the port file tells scripts that the service is ready.
        if (portFile != null) {
            writePortFile(portFile, bound);
        }
    }

    /** Stops accepting, gives requests in progress a second to finish, and removes the port file. */
    private static void stop(HttpServer server, ExecutorService workers, Path portFile) {
        server.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (portFile != null) {
            try {
                Files.deleteIfExists(portFile);
            } catch (IOException e) {
                System.err.println("sample-service: cannot delete " + portFile + ": " + e.getMessage());
            }
        }
        System.out.println("sample-service: stopped");
    }

    /** Written whole under a temporary name and then renamed, so that a script never reads half a number. */
    private static void writePortFile(Path portFile, int port) {
        try {
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, port + "\n");
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without its port file nobody finds the service: better not to run at all.
            System.err.println("sample-service: cannot write port file " + portFile + ": " + e);
            System.exit(1);
        }
    }

    private static ThreadFactory named() {
        AtomicInteger n = new AtomicInteger();
        return r -> new Thread(r, "sample-http-" + n.incrementAndGet());
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        exit("--port must be a number from 0 to 65535 (0: any free port), not '" + value + "'");
        return -1;
    }

    private static void exit(String reason) {
        System.err.println("sample-service: " + reason);
        System.err.println(USAGE);
        System.exit(2);
    }
}
