package io.heavylegs.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.TextInput;

/**
 * "Add a passkey" on the account page: the user's name for it, and what the browser's passkey ceremony answered
 * ({@code /js/passkeys.js} fills the hidden {@code credential} field before the form is sent).
 */
public class PasskeyForm implements Form {

    /** Far above any real answer (a few kilobytes), far below the body limit. */
    static final int MAX_CREDENTIAL = 20_000;

    @RestForm
    @NotBlank(message = "Give the passkey a name, such as the device it is on.")
    public String passkeyName;

    @RestForm
    @Size(max = MAX_CREDENTIAL, message = "The browser's answer is too long to be a passkey. Try again.")
    public String credential;

    @Override
    public void checkTogether(FormErrors errors) {
        if (!errors.has("passkeyName")) {
            TextInput.singleLine(passkeyName, Passkey.MAX_NAME, "passkeyName", "The name", errors);
        }
        if (!errors.has("credential") && (credential == null || credential.isBlank())) {
            errors.add("credential", "No passkey was made. Adding one needs JavaScript and a browser or device "
                    + "that supports passkeys; the button asks your device to make one.");
        }
    }

    /** The form as it is shown again: the name as typed, the ceremony's answer not (it is used up). */
    PasskeyForm retyped() {
        PasskeyForm shown = new PasskeyForm();
        shown.passkeyName = passkeyName;
        return shown;
    }
}
