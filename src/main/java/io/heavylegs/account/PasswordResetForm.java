package io.heavylegs.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;

/** The new password chosen on the page a reset link opens. */
public class PasswordResetForm implements Form {

    @RestForm
    @NotBlank(message = "Choose a new password.")
    @Size(min = 12, max = 128, message = "Use between 12 and 128 characters.")
    public String password;

    @RestForm
    @NotBlank(message = "Type the new password again.")
    @Size(max = 128, message = "The two passwords are not the same.")
    public String confirmPassword;

    FormErrors validate() {
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        if (!errors.has("confirmPassword") && !errors.has("password") && !password.equals(confirmPassword)) {
            errors.add("confirmPassword", "The two passwords are not the same.");
        }
    }
}
