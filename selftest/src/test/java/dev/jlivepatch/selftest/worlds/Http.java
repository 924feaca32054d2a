package dev.jlivepatch.selftest.worlds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET requests to a server of the test on the loopback address, bounded in time. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** {@code GET http://127.0.0.1:PORT/PATH}: "STATUS BODY", and the header asked for in brackets when present. */
    static String get(int port, String path, String header) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        String h = header == null ? null : r.headers().firstValue(header).orElse(null);
        return r.statusCode() + " " + r.body() + (h == null ? "" : " [" + header + ": " + h + "]");
    }

    static String get(int port, String path) throws Exception {
        return get(port, path, null);
    }
}
