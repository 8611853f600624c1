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

/** The account page's list of the user's passkeys ({@code inject:passkeyList}), in the user's time zone. */
@RequestScoped
@Named("passkeyList")
public class PasskeyList {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    /** One passkey, ready to show; {@code lastUsed} null when it never logged in. */
    public record Row(long id, String name, String created, String lastUsed) {
    }

    @Inject
    Passkeys passkeys;

    @Inject
    SignedInUser signedIn;

    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            ZoneId zone = Profile.forUser(signedIn.id()).timeZone();
            rows = passkeys.of(signedIn.id()).stream()
                    .map(p -> new Row(p.id(), p.name(), format(p.created(), zone),
                            p.lastUsed() == null ? null : format(p.lastUsed(), zone)))
                    .toList();
        }
        return rows;
    }

    private static String format(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }
}
