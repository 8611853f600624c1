package io.heavylegs.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;

public class ChangePasswordForm implements Form {

    @RestForm
    @NotBlank(message = "Enter your current password.")
    @Size(max = 128, message = "That is not your current password.")
    public String currentPassword;

    @RestForm
    @NotBlank(message = "Choose a new password.")
    @Size(min = 12, max = 128, message = "Use between 12 and 128 characters.")
    public String newPassword;

    @RestForm
    @NotBlank(message = "Type the new password again.")
    @Size(max = 128, message = "The two new passwords are not the same.")
    public String confirmPassword;

    FormErrors validate() {
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        if (!errors.has("confirmPassword") && !errors.has("newPassword") && !newPassword.equals(confirmPassword)) {
            errors.add("confirmPassword", "The two new passwords are not the same.");
        }
    }
}
