package dev.jwtauthorizer.config;

import dev.jwtauthorizer.keys.CheckedKeySet;
import dev.jwtauthorizer.keys.FileKeySource;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.HttpKeySource;
import dev.jwtauthorizer.keys.InlineKeySource;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.keys.KeySource;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Where one issuer's keys and HS secret come from. What is known at start (an inline or file key
 * set, an inline secret) is checked now, so that a mistake stops the start instead of locking
 * everyone out, or letting anyone in, at the first request.
 */
final class KeysReader {
    static final int MAX_JWKS_BYTES = 512 * 1024;
    private static final String BASE64_PREFIX = "base64:";

    /**
     * @param source where RS/PS/ES keys come from; null when derived (discovery, Cognito) or not needed
     * @param local  the key set itself when known at start, else null
     */
    record ExplicitKeys(KeySource source, LocalKeySet local) {
    }

    private final Map<String, String> environment;
    private final ConfigFiles files;
    private final Duration timeout;

    KeysReader(Map<String, String> environment, ConfigFiles files, Duration timeout) {
        this.environment = environment;
        this.files = files;
        this.timeout = timeout;
    }

    /** JWT_JWKS, JWT_JWKS_FILE or JWT_JWKS_URI when given (checked now when local). */
    ExplicitKeys explicitKeys(IssuerFields fields, boolean needed) {
        String uri = fields.get(Setting.JWT_JWKS_URI);
        String inline = fields.get(Setting.JWT_JWKS);
        String file = fields.get(Setting.JWT_JWKS_FILE);
        if (!needed) {
            if (uri != null || inline != null || file != null) {
                Setting given = inline != null ? Setting.JWT_JWKS : file != null ? Setting.JWT_JWKS_FILE : Setting.JWT_JWKS_URI;
                throw fields.error(given, "is set but " + fields.name(Setting.JWT_ALGORITHMS) + " allows no RS, PS or ES algorithm");
            }
            return new ExplicitKeys(null, null);
        }
        if (inline != null && (uri != null || file != null)) {
            Setting other = uri != null ? Setting.JWT_JWKS_URI : Setting.JWT_JWKS_FILE;
            throw fields.error(Setting.JWT_JWKS, "and " + fields.name(other) + " are both set; use one");
        }
        if (inline != null) {
            return local(fields, Setting.JWT_JWKS, new InlineKeySource(inline, fields.origin(Setting.JWT_JWKS)));
        }
        if (file != null) {
            Path path = files.resolve(file);
            // Two names for one file are one key set; anything else would leave which one counts to chance.
            if (uri != null && !sameFile(uri, path)) {
                throw fields.error(Setting.JWT_JWKS_FILE, "and JWT_JWKS_URI are both set and do not name the same file; use one");
            }
            return Files.isRegularFile(path)
                    ? local(fields, Setting.JWT_JWKS_FILE, new FileKeySource(path, MAX_JWKS_BYTES))
                    : packaged(fields, file);
        }
        return uri == null ? new ExplicitKeys(null, null) : keySourceFor(fields, uri);
    }

    /** A key set file inside the package (the command line's jar), held to the same size as any other. */
    private ExplicitKeys packaged(IssuerFields fields, String file) {
        String document = files.read(Setting.JWT_JWKS_FILE, file);
        if (document.getBytes(StandardCharsets.UTF_8).length > MAX_JWKS_BYTES) {
            throw fields.error(Setting.JWT_JWKS_FILE, file + " in the package is larger than " + MAX_JWKS_BYTES + " bytes");
        }
        return local(fields, Setting.JWT_JWKS_FILE, new InlineKeySource(document, "JWT_JWKS_FILE " + file + " in the package"));
    }

    /** True when the URI is a file: URI of that file (which must exist). */
    private boolean sameFile(String uri, Path path) {
        try {
            Path named = filePath(new URI(uri));
            return named != null && Files.isSameFile(named, path);
        } catch (URISyntaxException | IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The path of a file: URI (relative when opaque: file:keys.json), or null for any other scheme. */
    private Path filePath(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            return null;
        }
        return uri.isOpaque() ? files.resolve(uri.getSchemeSpecificPart()) : Path.of(uri);
    }

    private ExplicitKeys keySourceFor(IssuerFields fields, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // Not quoted: a URL may hold a password or a key.
            throw fields.error(Setting.JWT_JWKS_URI, "is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        Path path = filePath(uri);
        if (path != null) {
            if (!Files.isReadable(path)) {
                throw fields.error(Setting.JWT_JWKS_URI, "cannot read " + path);
            }
            return local(fields, Setting.JWT_JWKS_URI, new FileKeySource(path, MAX_JWKS_BYTES));
        }
        try {
            return new ExplicitKeys(new HttpKeySource(uri, timeout, MAX_JWKS_BYTES), null);
        } catch (IllegalArgumentException e) {
            throw fields.error(Setting.JWT_JWKS_URI, e.getMessage() + " (or file: for a local file)");
        }
    }

    /** Local keys that do not load are a configuration mistake: found now, not at the first request. */
    private static ExplicitKeys local(IssuerFields fields, Setting setting, KeySource source) {
        byte[] document;
        try {
            document = source.fetch();
        } catch (IOException e) {
            // Says why (too large, no access) and where; a file's reader never puts its content in a message.
            throw fields.error(setting, "cannot read the key set " + source.describe() + ": " + e.getMessage());
        }
        try {
            LocalKeySet checked = LocalKeySet.check(document);
            return new ExplicitKeys(new CheckedKeySet(source, document, checked.keys()), checked);
        } catch (IllegalArgumentException e) {
            String what = setting == Setting.JWT_JWKS ? "" : source.describe() + " ";
            throw fields.error(setting, what + e.getMessage());
        }
    }

    /** JWT_HMAC_SECRET or JWT_HMAC_SECRET_ID (with JWT_HMAC_SECRET_JSON_KEY); null when no HS algorithm is allowed. */
    KeySource hmacSecret(IssuerFields fields, Set<JwsAlgorithm> algorithms, LocalKeySet publicKeys) {
        boolean needed = false;
        for (JwsAlgorithm algorithm : algorithms) {
            needed |= algorithm.family() == KeyFamily.HMAC;
        }
        String text = fields.secret();
        String secretId = fields.get(Setting.JWT_HMAC_SECRET_ID);
        String jsonKey = fields.get(Setting.JWT_HMAC_SECRET_JSON_KEY);
        if (text != null && secretId != null) {
            throw fields.error(Setting.JWT_HMAC_SECRET_ID, "and " + fields.name(Setting.JWT_HMAC_SECRET) + " are both set; use one");
        }
        if (jsonKey != null && secretId == null) {
            throw fields.error(Setting.JWT_HMAC_SECRET_JSON_KEY, "is set but " + fields.name(Setting.JWT_HMAC_SECRET_ID)
                    + " is not: it names the member of a Secrets Manager secret's JSON that holds the HS secret; set "
                    + fields.name(Setting.JWT_HMAC_SECRET_ID) + " too, or unset it");
        }
        if (!needed) {
            if (text != null || secretId != null) {
                throw fields.error(text != null ? Setting.JWT_HMAC_SECRET : Setting.JWT_HMAC_SECRET_ID,
                        "is set but " + fields.name(Setting.JWT_ALGORITHMS) + " allows no HS algorithm");
            }
            return null;
        }
        if (secretId != null) {
            return SecretSources.forSecret(secretId, jsonKey, Setting.JWT_HMAC_SECRET_ID, environment, timeout);
        }
        if (text == null) {
            throw fields.error(fields instanceof EnvironmentFields ? Setting.JWT_HMAC_SECRET : Setting.JWT_HMAC_SECRET_ID,
                    "is required when " + fields.name(Setting.JWT_ALGORITHMS) + " allows HS256, HS384 or HS512");
        }
        try {
            HmacSecret.parse(text.getBytes(StandardCharsets.UTF_8), algorithms);
        } catch (IllegalArgumentException e) {
            // Says what is wrong with it, never what it is.
            throw fields.error(Setting.JWT_HMAC_SECRET, e.getMessage());
        }
        String published = publicKeys == null ? null : publicKeys.keyWithin(text, bytes(text));
        if (published != null) {
            throw fields.error(Setting.JWT_HMAC_SECRET, "contains " + published + " in this issuer's key set: a published "
                    + "key in the shared secret lets anyone sign tokens; use a random secret of its own");
        }
        return new InlineKeySource(text, fields.origin(Setting.JWT_HMAC_SECRET));
    }

    private static byte[] bytes(String secret) {
        return secret.startsWith(BASE64_PREFIX)
                ? Base64.getDecoder().decode(secret.substring(BASE64_PREFIX.length()).trim())
                : secret.getBytes(StandardCharsets.UTF_8);
    }
}
