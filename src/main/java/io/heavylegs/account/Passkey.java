package io.heavylegs.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A passkey (WebAuthn credential) of one user, migration V13: the public key the authenticator made for this site
 * and its signature counter. The private key never leaves the user's device, so nothing here lets anyone sign in.
 */
@Entity
@Table(name = "passkey")
public class Passkey extends PanacheEntityBase {

    /** The longest name the account page accepts for a passkey. */
    public static final int MAX_NAME = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public long userId;

    /** Base64URL, as the browser sends it in {@code rawId}. */
    @Column(name = "credential_id")
    public String credentialId;

    public UUID aaguid;

    @Column(name = "public_key")
    public byte[] publicKey;

    @Column(name = "public_key_algorithm")
    public long publicKeyAlgorithm;

    @Column(name = "sign_count")
    public long signCount;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** The user's passkeys, the newest first. */
    public static List<Passkey> findByOwner(long userId) {
        return list("userId = ?1 order by createdAt desc, id desc", userId);
    }

    /** One of the user's passkeys; another user's id finds nothing. */
    static Optional<Passkey> findOwned(long userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    static Optional<Passkey> findByCredentialId(String credentialId) {
        return find("credentialId", credentialId).firstResultOptional();
    }
}
