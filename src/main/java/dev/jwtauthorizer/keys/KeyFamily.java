package dev.jwtauthorizer.keys;

/** The kind of key an algorithm needs; the key, not the token, decides which family verifies. */
public enum KeyFamily {
    /** RSA public keys from a key set (RS*, PS*). */
    RSA,
    /** Elliptic-curve public keys from a key set (ES*). */
    EC,
    /** A shared secret from configuration (HS*), never from a key set. */
    HMAC
}
