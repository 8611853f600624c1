package io.heavylegs.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.heavylegs.web.SignedInUser;
import io.quarkus.security.identity.SecurityIdentity;

/** The account page's list of signed-in sessions and the address's state ({@code inject:sessionList}). */
@RequestScoped
@Named("sessionList")
public class SessionList {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    /** One row of the list, ready to show in the user's time zone. */
    public record Row(long id, String device, String firstUsed, String lastUsed, boolean remembered,
            boolean thisDevice) {
    }

    @Inject
    Sessions sessions;

    @Inject
    Mailbox mailbox;

    @Inject
    SignedInUser signedIn;

    @Inject
    SecurityIdentity identity;

    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            Long current = identity.getAttribute(SessionIdentities.SESSION_ATTRIBUTE);
            ZoneId zone = Profile.forUser(signedIn.id()).timeZone();
            rows = sessions.open(signedIn.id()).stream()
                    .map(open -> new Row(open.id(), open.device(), format(open.firstUsed(), zone),
                            format(open.lastUsed(), zone), open.remembered(),
                            current != null && current == open.id()))
                    .toList();
        }
        return rows;
    }

    /** Whether the account's address is confirmed (the account page's address section). */
    public boolean getAddressConfirmed() {
        User user = User.findById(signedIn.id());
        return user != null && user.emailConfirmedAt != null;
    }

    public boolean getMailSetUp() {
        return mailbox.canSend();
    }

    public boolean getOthers() {
        return getRows().stream().anyMatch(row -> !row.thisDevice());
    }

    private static String format(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }
}
