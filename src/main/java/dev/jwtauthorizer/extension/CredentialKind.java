package dev.jwtauthorizer.extension;

/** What a request proved who it is with, as {@link CheckRequest#credential()} tells a check. */
public enum CredentialKind {
    /** A JWT whose signature and claims passed: {@link CheckRequest#claims()} holds its payload. */
    JWT,
    /** An API key of the key list: {@link CheckRequest#apiKeyId()} names its entry; there are no claims. */
    API_KEY
}
