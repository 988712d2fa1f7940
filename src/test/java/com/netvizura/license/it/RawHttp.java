package com.netvizura.license.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 over a plain socket, for what a browser-like client refuses to send: a request target taken verbatim
 * ({@code //;@other-host/page}), and a large body written while the answer is read (a server may answer and close
 * before the body is through, as it should for a body it refuses). One request a connection.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;

    /** The answer: status, headers (names in lower case, in order) and body text. */
    public record Answer(int status, List<String[]> headers, String body, long bodyBytesSent) {

        /** The first value of header {@code name}, if any. */
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equals(name.toLowerCase(Locale.ROOT))).map(h -> h[1]).findFirst();
        }

        /** Every value of header {@code name}. */
        public List<String> headers(String name) {
            return headers.stream().filter(h -> h[0].equals(name.toLowerCase(Locale.ROOT))).map(h -> h[1]).toList();
        }
    }

    /** Something that writes a request body to the socket; it may be cut off by the server closing the connection. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method target} to the server of {@code server} with {@code headers} (each "Name: value"), a
     * {@code Host} header and {@code Connection: close}, then {@code body} (may be null) from another thread, and
     * reads the whole answer.
     */
    public static Answer send(URI server, String method, String target, List<String> headers, Body body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            CountingStream counting = new CountingStream(out);
            CompletableFuture<Void> writer = body == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> {
                        try {
                            body.writeTo(counting);
                            counting.flush();
                        } catch (IOException serverClosedOrReset) {
                            // The server answered and closed before the body was through: what a refusal does.
                        }
                    });
            byte[] answer = readAnswer(socket.getInputStream());
            try {
                writer.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                writer.cancel(true);
            }
            return parse(answer, counting.count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of {@code target} verbatim, with extra headers. */
    public static Answer get(URI server, String target, String... headers) {
        return send(server, "GET", target, List.of(headers), null);
    }

    /**
     * Reads until the server closes. A server that refuses a body closes while the client still writes, and the
     * reset that follows may cut the read short: what was read by then is the answer.
     */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            if (answer.size() == 0) {
                throw reset;
            }
        }
        return answer.toByteArray();
    }

    private static Answer parse(byte[] raw, long sent) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: [" + text + "]");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.add(new String[] {name, value});
            chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            body = unchunk(body);
        }
        return new Answer(status, List.copyOf(headers), new String(body, StandardCharsets.UTF_8), sent);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Counts what got through to the socket. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private volatile long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
