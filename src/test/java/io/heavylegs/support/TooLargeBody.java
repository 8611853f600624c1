package io.heavylegs.support;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Posts a 10 MB form body. The server answers 413 as soon as it sees the length and closes the connection,
 * so the client asks first ("Expect: 100-continue") and reads that answer instead of failing mid-upload.
 */
public final class TooLargeBody {

    public static final int SIZE = 10 * 1024 * 1024;

    private TooLargeBody() {
    }

    public static HttpResponse<String> post(URI uri) throws IOException, InterruptedException {
        byte[] body = new byte[SIZE];
        java.util.Arrays.fill(body, (byte) 'a');
        System.arraycopy("notes=".getBytes(), 0, body, 0, 6);
        // A server that neither answers nor reads must fail the test, not hang the build
        HttpRequest request = HttpRequest.newBuilder(uri).expectContinue(true).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
