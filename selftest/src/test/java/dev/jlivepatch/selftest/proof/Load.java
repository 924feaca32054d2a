package dev.jlivepatch.selftest.proof;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A steady loopback load: {@code threads} clients, each with one kept-alive
 * HTTP/1.1 connection per service, sending requests one after the other
 * (closed loop) and recording every response: when it was sent and received
 * ({@code System.nanoTime}), to which service, which request, and what came
 * back ({@code "200 body"}, or {@code "error: ..."} for a failed exchange).
 * The test picks the service and the request mix while it runs.
 */
public final class Load implements AutoCloseable {
    /** One recorded exchange. */
    public record Sample(long sent, long received, int service, String request, String answer) {
        public long latency() {
            return received - sent;
        }
    }

    private final int[] ports;
    private final List<Client> clients = new ArrayList<>();
    private final Map<String, String> interned = new ConcurrentHashMap<>();
    private volatile int service;
    private volatile String[] mix;
    private volatile boolean stop;

    /** Starts the clients, sending {@code mix} (paths with their query) to service 0 of {@code ports}. */
    public Load(int threads, String[] mix, int... ports) {
        this.ports = ports.clone();
        this.mix = mix.clone();
        for (int i = 0; i < threads; i++) {
            Client c = new Client(i);
            clients.add(c);
            c.start();
        }
    }

    /** Sends from now on to service {@code index} of the ports, requests taken in turn from {@code paths}. */
    public void target(int index, String... paths) {
        mix = paths.clone();
        service = index;
    }

    /** Every exchange recorded so far, in no particular order. */
    public List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        for (Client c : clients) {
            synchronized (c.samples) {
                out.addAll(c.samples);
            }
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        for (Client c : clients) {
            c.join(15_000);
        }
    }

    private final class Client extends Thread {
        final List<Sample> samples = new ArrayList<>(1 << 16);
        private final Socket[] sockets = new Socket[ports.length];
        private final InputStream[] ins = new InputStream[ports.length];
        private int next;

        Client(int i) {
            super("load-" + i);
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop) {
                int s = service;
                String[] paths = mix;
                String path = paths[next++ % paths.length];
                long sent = System.nanoTime();
                String answer;
                try {
                    answer = exchange(s, path);
                } catch (IOException | RuntimeException e) {
                    answer = "error: " + e;
                    closeQuietly(s);
                }
                long received = System.nanoTime();
                Sample sample = new Sample(sent, received, s, path, interned.computeIfAbsent(answer, a -> a));
                synchronized (samples) {
                    samples.add(sample);
                }
            }
            for (int i = 0; i < sockets.length; i++) {
                closeQuietly(i);
            }
        }

        private String exchange(int s, String path) throws IOException {
            if (sockets[s] == null) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), ports[s]);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                sockets[s] = socket;
                ins[s] = new BufferedInputStream(socket.getInputStream(), 1024);
            }
            OutputStream out = sockets[s].getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return response(ins[s]);
        }

        private void closeQuietly(int s) {
            try {
                if (sockets[s] != null) {
                    sockets[s].close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            sockets[s] = null;
        }
    }

    /** Reads one response: its status line, its headers, and as much body as Content-Length says. */
    static String response(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the connection was closed before a response");
        }
        int length = -1;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length in the response to " + status);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("the body ended after " + body.length + " of " + length + " bytes");
        }
        String[] parts = status.split(" ", 3);
        return parts[1] + " " + new String(body, StandardCharsets.UTF_8).strip();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
