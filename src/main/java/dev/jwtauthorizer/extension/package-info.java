/**
 * The extension point for your own authorization logic in the function: implement
 * {@link dev.jwtauthorizer.extension.AuthorizationCheck}, name the class in {@code JWT_CUSTOM_CHECK}
 * and put its jar on the function's class path. It is given a
 * {@link dev.jwtauthorizer.extension.CheckRequest} (the credential's principal and claims, the request,
 * the routes granted) for every credential that passed, and answers with a
 * {@link dev.jwtauthorizer.extension.CheckResult}: allow (with context, or narrowed routes), deny (403)
 * or reject (401). Test a check with {@link dev.jwtauthorizer.extension.CheckRequest#builder()}.
 *
 * <p>This package is API: its public types change only with a new minor version, and with notice.
 */
package dev.jwtauthorizer.extension;
