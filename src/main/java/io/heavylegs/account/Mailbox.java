package io.heavylegs.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigValue;

/**
 * Sends the app's e-mails (password reset, address confirmation, reminders) through quarkus-mailer, which the
 * standard {@code QUARKUS_MAILER_*} variables configure. Where they go is decided once, at start:
 * <ul>
 * <li>{@link Delivery#SMTP}: a mail server is configured ({@code QUARKUS_MAILER_HOST});</li>
 * <li>{@link Delivery#CONSOLE}: quarkus-mailer's mock mode, which writes each mail to the log instead. The
 * embedded-database default turns it on when no mail server is configured (database/EmbeddedPostgresConfigSource
 * Factory), so the person running the app on their own machine can follow a reset link; tests run in it too;</li>
 * <li>{@link Delivery#OFF}: an external database and no mail server. Nothing is sent, the pages say so, and one
 * warning is logged at start.</li>
 * </ul>
 */
@ApplicationScoped
public class Mailbox {

    private static final Logger LOG = Logger.getLogger(Mailbox.class);
    static final String HOST = "quarkus.mailer.host";

    public enum Delivery { SMTP, CONSOLE, OFF }

    @Inject
    ReactiveMailer mailer;

    @ConfigProperty(name = "quarkus.mailer.mock")
    Optional<Boolean> mock;

    private Delivery delivery;

    void onStart(@Observes StartupEvent event) {
        if (delivery() == Delivery.OFF) {
            LOG.warn("E-mail is not set up: no mail server is configured (QUARKUS_MAILER_HOST), so password resets, "
                    + "address confirmations and reminders cannot be sent. Set QUARKUS_MAILER_HOST, _PORT, _FROM, "
                    + "_USERNAME, _PASSWORD and _TLS to send them.");
        }
    }

    public Delivery delivery() {
        if (delivery == null) {
            delivery = mock.orElse(LaunchMode.current().isDevOrTest()) ? Delivery.CONSOLE
                    : mailServerConfigured() ? Delivery.SMTP : Delivery.OFF;
        }
        return delivery;
    }

    /** Whether mails can reach anyone: by SMTP, or in the console of the person running the app. */
    public boolean canSend() {
        return delivery() != Delivery.OFF;
    }

    /**
     * Sends in the background: the request that asked for the mail does not wait for the mail server, so its
     * answer time says nothing about whether a mail was sent (an unknown address sends none).
     */
    public void send(String to, String subject, String text, Map<String, String> headers) {
        if (!canSend()) {
            return;
        }
        Mail mail = Mail.withText(to, subject, text);
        headers.forEach(mail::addHeader);
        // A pooled connection the server has closed meanwhile fails the first try (421): try again, twice.
        mailer.send(mail).onFailure().retry().withBackOff(Duration.ofMillis(500)).atMost(2).subscribe().with(ignored -> {
        }, failure -> LOG.warnf("A mail could not be sent (%s): %s", subject, failure.getMessage()));
    }

    /** quarkus-mailer's host has a default ("localhost"); only a value from a real source means "configured". */
    private static boolean mailServerConfigured() {
        ConfigValue host = (ConfigValue) ConfigProvider.getConfig().getConfigValue(HOST);
        return host.getRawValue() != null && !host.getRawValue().isBlank() && host.getSourceOrdinal() > Integer.MIN_VALUE
                && (host.getSourceName() == null || !host.getSourceName().contains("Default"));
    }
}
