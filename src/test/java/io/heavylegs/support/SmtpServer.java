package io.heavylegs.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) inside the test JVM, on a free port, with the app's mailer pointed at it and mock
 * mode off: mails really travel over SMTP and are read back here. Each test user has its own address, so tests
 * find their mails by recipient.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port), "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.from", "HeavyLegs <no-reply@heavylegs.test>");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** The mails received so far for this address, waiting up to a few seconds for at least {@code count}. */
    public static List<MimeMessage> mailsTo(String address, int count) {
        return mailsTo(address, count, "");
    }

    /**
     * The password-reset mails for this address, waiting for at least {@code count}: registration sends an address
     * confirmation first, which a test of the reset does not count.
     */
    public static List<MimeMessage> resetMailsTo(String address, int count) {
        return mailsTo(address, count, RESET_LINK);
    }

    /** Waits a moment, then gives every password-reset mail for this address. */
    public static List<MimeMessage> resetMailsToAfterAPause(String address) {
        sleep(3_000);
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> sentTo(m, address) && body(m).contains(RESET_LINK)).toList();
    }

    private static final String RESET_LINK = "/password-reset/";

    /** The mails for this address whose body holds {@code bodyHolds}, waiting for at least {@code count}. */
    public static List<MimeMessage> mailsTo(String address, int count, String bodyHolds) {
        long deadline = System.currentTimeMillis() + 30_000;
        List<MimeMessage> mails = List.of();
        while (System.currentTimeMillis() < deadline) {
            mails = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> sentTo(m, address) && body(m).contains(bodyHolds)).toList();
            if (mails.size() >= count) {
                return mails;
            }
            sleep(100);
        }
        return mails;
    }

    /** Waits a moment, then gives every mail for this address: for checking that none (or no more) arrived. */
    public static List<MimeMessage> mailsToAfterAPause(String address) {
        sleep(3_000);
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> sentTo(m, address)).toList();
    }

    /** Waits a moment, then gives every mail for this address whose body holds {@code bodyHolds}. */
    public static List<MimeMessage> mailsToAfterAPause(String address, String bodyHolds) {
        return mailsToAfterAPause(address).stream().filter(m -> body(m).contains(bodyHolds)).toList();
    }

    public static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The path of the first link in the mail whose path starts with the prefix, e.g. "/password-reset/". */
    public static String linkPath(MimeMessage mail, String pathPrefix) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_?=&./-]+)")
                .matcher(body(mail));
        if (!matcher.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in the mail:\n" + body(mail));
        }
        return matcher.group(1);
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
