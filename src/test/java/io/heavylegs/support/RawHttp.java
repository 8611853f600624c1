package io.heavylegs.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, exactly as written: for what an HTTP client library refuses to send
 * (a malformed request line, broken percent-encoding, a bare NUL, an unknown method, a 20 KB header).
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 15_000;

    private RawHttp() {
    }

    /** The status, the headers (names lower-cased, the first of each) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, then reads all. */
    public static Answer send(URI root, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(head);
            if (!head.endsWith("\r\n")) {
                request.append("\r\n");
            }
            request.append("Host: ").append(root.getHost()).append(':').append(root.getPort()).append("\r\n");
            request.append("Connection: close\r\n");
            if (body.length > 0) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    public static Answer send(URI root, String head) throws IOException {
        return send(root, head, new byte[0]);
    }

    /** A form POST with the given raw (already encoded, or deliberately broken) body. */
    public static Answer postForm(URI root, String path, String cookies, String body) throws IOException {
        return send(root, "POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + (cookies == null || cookies.isEmpty() ? "" : "Cookie: " + cookies + "\r\n"),
                body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // A server that closes after answering may reset the connection: what arrived is the answer.
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("No HTTP answer: " + (text.length() > 200 ? text.substring(0, 200) : text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, text.substring(end + 4));
    }
}
