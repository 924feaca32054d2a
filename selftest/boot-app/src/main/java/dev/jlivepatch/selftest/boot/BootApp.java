package dev.jlivepatch.selftest.boot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * A Spring Boot web application, run from its executable jar
 * ({@code java -jar boot-app.jar --server.port=0}). Once it serves it prints
 * {@code OUT ready PID PORT}; {@code quit} on stdin stops it.
 */
@SpringBootApplication
public class BootApp {

    public static void main(String[] args) {
        SpringApplication.run(BootApp.class, args);
    }

    @EventListener
    public void ready(ApplicationReadyEvent e) {
        ConfigurableApplicationContext ctx = e.getApplicationContext();
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        System.out.println("OUT ready " + ProcessHandle.current().pid() + " " + port);
        System.out.flush();
        Thread quit = new Thread(() -> {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null && !line.trim().equals("quit"); ) {
                    System.out.println("OUT unknown " + line);
                }
            } catch (java.io.IOException ignored) {
                // stdin closed: stop as well
            }
            System.out.println("OUT bye");
            System.exit(SpringApplication.exit(ctx));
        }, "quit-on-stdin");
        quit.setDaemon(true);
        quit.start();
    }
}
