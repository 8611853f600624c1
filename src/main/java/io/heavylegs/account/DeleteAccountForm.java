package io.heavylegs.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.Form;

public class DeleteAccountForm implements Form {

    @RestForm
    @NotBlank(message = "Enter your password to confirm.")
    @Size(max = 128, message = "That is not your password.")
    public String password;
}
