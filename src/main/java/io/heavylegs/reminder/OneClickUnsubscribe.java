package io.heavylegs.reminder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.heavylegs.account.AccountService;
import io.heavylegs.web.FilterOrder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 8058 one-click unsubscribe: a mail provider that shows its own "Unsubscribe" button for the reminder mail
 * ({@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}) POSTs exactly {@value #ONE_CLICK} to the mail's
 * unsubscribe link, from its own servers: no cookie, no CSRF token, no page. The link's HMAC is what proves the
 * request may stop that account's reminders ({@link UnsubscribeLinks}), so this one request is answered here, a
 * route before the REST layer, and neither rest-csrf nor {@code web/CsrfGuard} sees it (rest-csrf has no way to
 * exempt one endpoint). Only a POST to that path whose body is a URL-encoded form of exactly those 26 bytes is
 * taken here; anything else (the confirmation page's own form, any other body, a multipart or chunked one) goes
 * on to {@link ReminderResource} and its CSRF check as before. A GET still only shows the confirmation page. Every
 * filter before the REST layer still runs first: a browser's cross-site POST is refused by
 * {@code web/CrossSiteRequests} before it gets here.
 */
@ApplicationScoped
public class OneClickUnsubscribe {

    private static final Logger LOG = Logger.getLogger(OneClickUnsubscribe.class);

    /** The whole body RFC 8058 prescribes. */
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    @Inject
    UnsubscribeLinks links;

    @Inject
    AccountService accounts;

    void register(@Observes Router router) {
        router.post(UnsubscribeLinks.PATH + ":token").order(FilterOrder.ONE_CLICK_UNSUBSCRIBE)
                .handler(this::unsubscribe);
    }

    private void unsubscribe(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!isUrlEncodedForm(request.getHeader(HttpHeaders.CONTENT_TYPE))
                || !String.valueOf(ONE_CLICK.length()).equals(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            context.next(); // not a one-click request: the REST endpoint, with its CSRF check
            return;
        }
        String token = context.pathParam("token");
        Buffer body = Buffer.buffer();
        request.handler(body::appendBuffer);
        request.exceptionHandler(
                failure -> answer(context, 400, "The request could not be read. Nothing was changed."));
        request.endHandler(ended -> {
            if (!ONE_CLICK.equals(body.toString(StandardCharsets.US_ASCII))) {
                answer(context, 400, "This is not a one-click unsubscribe request. Nothing was changed.");
                return;
            }
            // A valid link answers the same whether the reminders were on or already stopped
            context.vertx().executeBlocking(() -> links.userOf(token).map(accounts::stopReminders).isPresent(),
                    false).onComplete(done -> {
                        if (done.failed()) {
                            LOG.warnf("A one-click unsubscribe failed: %s", done.cause().getClass().getName());
                            answer(context, 503, "The reminders could not be stopped just now. Try again later.");
                        } else if (done.result()) {
                            answer(context, 200, "The daily reminders are stopped.");
                        } else {
                            answer(context, 404, "This is no unsubscribe link of this server. Nothing was changed.");
                        }
                    });
        });
        request.resume();
    }

    private static boolean isUrlEncodedForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return type.toLowerCase(Locale.ROOT).equals("application/x-www-form-urlencoded");
    }

    private static void answer(RoutingContext context, int status, String text) {
        if (!context.response().ended()) {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").end(text);
        }
    }
}
