package dev.jlivepatch.selftest.watch.app;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs until its standard input is closed, calling the target every 20 ms and
 * printing what it returns ({@code OUT ...}) each time that changes, so that a
 * test sees every patch the watcher applies. First it prints whether the
 * watcher's thread runs, and as a daemon.
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("jlivepatch-watch")) {
                System.out.println("OUT thread " + t.getName() + (t.isDaemon() ? " daemon" : " not a daemon"));
            }
        }
        Thread stdin = new Thread(() -> drain(System.in), "stdin");
        stdin.setDaemon(true);
        stdin.start();
        Greeter g = new Greeter();
        String last = null;
        while (stdin.isAlive()) {
            String now = g.greet("bob");
            if (!now.equals(last)) {
                System.out.println("OUT " + now);
                last = now;
            }
            Thread.sleep(20);
        }
        System.out.println("OUT done");
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // only the end of the input matters
            }
        } catch (IOException e) {
            // the end of the input
        }
    }
}
