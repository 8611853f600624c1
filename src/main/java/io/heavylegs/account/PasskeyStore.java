package io.heavylegs.account;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord.RequiredPersistedData;
import io.quarkus.security.webauthn.WebAuthnUserProvider;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * Where the WebAuthn extension looks a passkey up while it verifies a sign-in ({@link Passkeys}). The extension's
 * own endpoints that would store or update through this are switched off: {@link Passkeys} writes the rows itself,
 * inside the app's rules (owner, name, throttle). The record's user name is the owner's id.
 */
@ApplicationScoped
@Blocking
public class PasskeyStore implements WebAuthnUserProvider {

    @Override
    public Uni<List<WebAuthnCredentialRecord>> findByUsername(String userId) {
        // Only asked when a challenge names a user, which the app's challenges never do
        return Uni.createFrom().item(List.of());
    }

    @Override
    public Uni<WebAuthnCredentialRecord> findByCredentialId(String credentialId) {
        return QuarkusTransaction.requiringNew().call(() -> Passkey.findByCredentialId(credentialId))
                .map(passkey -> Uni.createFrom().item(record(passkey)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("Unknown passkey")));
    }

    static WebAuthnCredentialRecord record(Passkey passkey) {
        return WebAuthnCredentialRecord.fromRequiredPersistedData(new RequiredPersistedData(
                String.valueOf(passkey.userId), passkey.credentialId, passkey.aaguid, passkey.publicKey,
                passkey.publicKeyAlgorithm, passkey.signCount));
    }
}
