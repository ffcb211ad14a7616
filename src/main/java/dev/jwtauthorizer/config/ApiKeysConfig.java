package dev.jwtauthorizer.config;

import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.request.TokenSources;

/**
 * API keys, when configured: where the key list document comes from and where requests carry a key.
 *
 * @param keyList the document: inline (JWT_API_KEYS), a file (JWT_API_KEYS_FILE), both checked at
 *                start, or a Secrets Manager secret (JWT_API_KEYS_SECRET_ID), fetched and refreshed
 * @param setting the setting that named it, for messages
 * @param sources where requests carry the key (JWT_API_KEY_SOURCES)
 */
public record ApiKeysConfig(KeySource keyList, Setting setting, TokenSources sources) {
}
