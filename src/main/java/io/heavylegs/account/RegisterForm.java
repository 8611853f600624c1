package io.heavylegs.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;

public class RegisterForm implements Form {

    @RestForm
    @NotBlank(message = "Enter your email address.")
    @Email(message = "Enter an email address like name@example.com.")
    @Size(max = 254, message = "Use an email address of at most 254 characters.")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Enter an email address like name@example.com.")
    public String email;

    @RestForm
    @NotBlank(message = "Choose a password.")
    @Size(min = 12, max = 128, message = "Use between 12 and 128 characters.")
    public String password;

    @RestForm
    @NotBlank(message = "Type the password again.")
    @Size(max = 128, message = "The two passwords are not the same.")
    public String confirmPassword;

    FormErrors validate() {
        email = User.normalizeEmail(email);
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        if (!errors.has("confirmPassword") && !errors.has("password") && !password.equals(confirmPassword)) {
            errors.add("confirmPassword", "The two passwords are not the same.");
        }
    }

    /** What the page may show again after a failed attempt: never the passwords. */
    RegisterForm withoutPasswords() {
        RegisterForm copy = new RegisterForm();
        copy.email = email;
        return copy;
    }
}
