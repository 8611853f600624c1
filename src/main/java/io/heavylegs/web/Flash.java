package io.heavylegs.web;


import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;


/**
 * A message for the next page the user sees ("Entry saved"), carried across the redirect of a successful POST
 * in a short-lived cookie and shown once by the layout.
 */
@Named("flash")
@RequestScoped
public class Flash {

    public static final String COOKIE = "heavylegs-flash";

    private String incoming;
    private String outgoing;

    public void set(String message) {
        outgoing = message;
    }

    /** The message to show on this page, if the previous request left one. */
    public String getMessage() {
        return incoming;
    }

    String incoming() {
        return incoming;
    }

    String outgoing() {
        return outgoing;
    }

    void receive(String message) {
        incoming = message;
    }
}
