package io.heavylegs.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.heavylegs.web.FilterOrder;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Answers a throttled login POST with the "too many attempts" page and status 429. Form authentication itself
 * only knows how to redirect, so the refusal travels as a failure of the routing context and is turned here
 * into a GET of that page, rendered by {@link AccountResource} like any other.
 */
@ApplicationScoped
public class LoginThrottleResponder {

    static final String PAGE = "/login/too-many-attempts";

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/j_security_check").order(FilterOrder.FAILURE_HANDLERS).failureHandler(context -> {
            if (DefaultAuthFailureHandler.extractRootCause(context.failure()) instanceof LoginThrottledException) {
                context.reroute(HttpMethod.GET, PAGE);
            } else {
                context.next();
            }
        });
    }
}
