package io.heavylegs.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Declares a 10 MB form body and reports the status line the server answers with. It speaks HTTP over a plain
 * socket: the server is expected to refuse the body from its declared length alone, and HTTP clients that insist
 * on sending the whole body first (or wait for "100 Continue") would hang or fail on the closed connection
 * instead of showing the answer.
 */
public final class TooLargeBody {

    public static final int SIZE = 10 * 1024 * 1024;
    private static final int ANSWER_TIMEOUT_MILLIS = 10_000;

    private TooLargeBody() {
    }

    /** The status and headers of an answer (header names lower-cased). */
    public record Answer(int status, Map<String, String> headers) {
    }

    /** The server's answer; a server that neither answers nor reads fails with a timeout. */
    public static Answer post(URI uri) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + SIZE + "\r\n\r\n"
                    + "notes=").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("No HTTP answer: " + statusLine);
            }
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers);
        }
    }
}
