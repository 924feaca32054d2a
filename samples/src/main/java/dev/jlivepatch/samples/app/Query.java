package dev.jlivepatch.samples.app;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The decoded parameters of a request's query string; the first of repeated names wins. */
final class Query {
    private final Map<String, String> params = new LinkedHashMap<>();

    Query(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
    }

    /** The parameter's value; a missing one is a bad request, with its name as the reason. */
    String required(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new BadRequest("missing query parameter '" + name + "'");
        }
        return value;
    }

    /** The parameter as a whole number, or {@code fallback} when absent. */
    long number(String name, long fallback) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("query parameter '" + name + "' is not a whole number: '" + value + "'");
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("query string is not URL-encoded properly: '" + s + "'");
        }
    }

    /** A request the service refuses with status 400 and this one-line reason. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String reason) {
            super(reason);
        }
    }
}
