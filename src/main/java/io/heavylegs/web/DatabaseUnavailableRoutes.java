package io.heavylegs.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * The sign-in layer checks every session cookie against the database before any resource runs, so an outage
 * surfaces there first, outside the reach of the resource exception mappers. Without this handler such a
 * request would end in the framework's bare 500; it gets the same calm 503 page as a resource would.
 */
@ApplicationScoped
public class DatabaseUnavailableRoutes {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableRoutes.class);

    void install(@Observes Router router) {
        router.route().order(FilterOrder.FAILURE_HANDLERS).failureHandler(context -> {
            if (context.response().ended() || !DatabaseUnavailable.isCause(context.failure())) {
                context.next();
                return;
            }
            LOG.warnf("Database unavailable before the request reached a page: %s", context.failure().getMessage());
            context.response().setStatusCode(503)
                    .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(ErrorPages.Templates.unavailable(DatabaseUnavailable.RETRY_AFTER_SECONDS).render());
        });
    }
}
