package dev.jlivepatch.samples.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A tiny HTTP client for machines without {@code curl}:
 * {@code java -jar sample-client.jar URL [NAME=VALUE]...} sends
 * {@code GET URL?NAME=VALUE&...}, URL-encoding each value as
 * {@code curl -G --data-urlencode} does, and prints the response body.
 * Exit status 0 for a 2xx answer; otherwise 1 and a one-line reason on stderr.
 */
public final class Fetch {

    private Fetch() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: java -jar sample-client.jar URL [NAME=VALUE]...");
            System.exit(2);
        }
        StringBuilder url = new StringBuilder(args[0]);
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                fail("a query parameter is NAME=VALUE, not '" + args[i] + "'");
            }
            url.append(url.indexOf("?") < 0 ? '?' : '&')
                    .append(URLEncoder.encode(args[i].substring(0, eq), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(args[i].substring(eq + 1), StandardCharsets.UTF_8));
        }
        try {
            HttpURLConnection http = (HttpURLConnection) new URL(url.toString()).openConnection();
            http.setConnectTimeout(5_000);
            http.setReadTimeout(10_000);
            int status = http.getResponseCode();
            InputStream body = status < 400 ? http.getInputStream() : http.getErrorStream();
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (status / 100 != 2) {
                fail("HTTP " + status + " from " + url + ": " + text.strip());
            }
            System.out.print(text);
        } catch (IOException | ClassCastException e) {
            fail("cannot GET " + url + ": " + e);
        }
    }

    private static void fail(String reason) {
        System.err.println("fetch: " + reason);
        System.exit(1);
    }
}
