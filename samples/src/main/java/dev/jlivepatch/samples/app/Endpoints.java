package dev.jlivepatch.samples.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's HTTP endpoints, all {@code GET}, answering one line of plain text:
 * <ul>
 * <li>{@code /greet?name=NAME} greets the user through {@link Templates} (the lookup bug);
 * <li>{@code /price?cents=N&vat=PERCENT} adds VAT through {@link Pricing} (the VAT bug);
 * <li>{@code /} says which process answers, for how long it has been up and how many
 *     requests it served, so that a client can see a patch arrive without a restart.
 * </ul>
 */
final class Endpoints implements HttpHandler {
    /** The greeting; the lookup in it is the service's own and is meant to be expanded. */
    static final String GREETING = "Hello, {}! Welcome to ${sys:service.name}.";

    private final AtomicLong served = new AtomicLong();

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long count = served.incrementAndGet();
        int status = 200;
        String body;
        try {
            if (!exchange.getRequestMethod().equals("GET")) {
                status = 405;
                body = "only GET is served, not " + exchange.getRequestMethod();
            } else {
                Query query = new Query(exchange.getRequestURI());
                switch (exchange.getRequestURI().getPath()) {
                    case "/greet":
                        body = Templates.render(GREETING, query.required("name"));
                        break;
                    case "/price":
                        body = price(query.number("cents", -1), query.number("vat", 20));
                        break;
                    case "/":
                        body = about(count);
                        break;
                    default:
                        status = 404;
                        body = "no such endpoint: " + exchange.getRequestURI().getPath()
                                + " (try /greet?name=NAME, /price?cents=N&vat=PERCENT or /)";
                }
            }
        } catch (Query.BadRequest e) {
            status = 400;
            body = e.getMessage();
        } catch (RuntimeException e) {
            // A fault in the service's own code: answer 500 rather than drop the connection.
            status = 500;
            body = "internal error: " + e;
            e.printStackTrace();
        }
        reply(exchange, status, body);
    }

    private static String price(long cents, long vat) {
        if (cents < 0) {
            throw new Query.BadRequest("query parameter 'cents' is required, a whole number of cents, not negative");
        }
        if (vat < 0 || vat > 100) {
            throw new Query.BadRequest("query parameter 'vat' must be a percentage from 0 to 100, not " + vat);
        }
        long gross = Pricing.withVat(cents, (int) vat);
        return Pricing.format(cents) + " + " + vat + "% VAT = " + Pricing.format(gross);
    }

    private static String about(long count) {
        long upMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        return String.format("sample-service pid %d, up %.1f s, %d requests served",
                ProcessHandle.current().pid(), upMillis / 1000.0, count);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
