package dev.jwtauthorizer.aws;

import dev.jwtauthorizer.keys.RemoteUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Where GetSecretValue is sent, and the region its signature is scoped to: Secrets Manager's regional
 * endpoint ({@code https://secretsmanager.REGION.amazonaws.com}, {@code .amazonaws.com.cn} in the
 * China regions), unless the AWS SDKs' standard variables name another: AWS_ENDPOINT_URL_SECRETS_MANAGER,
 * else AWS_ENDPOINT_URL (a VPC endpoint's name, LocalStack, a test's fake). Plain http:// only to loopback.
 *
 * @param uri    the URL to POST to
 * @param region the signing region: AWS_REGION, else AWS_DEFAULT_REGION; required even with an
 *               endpoint override, since the signature names it
 */
public record SecretsManagerEndpoint(URI uri, String region) {
    public static final String SERVICE = "secretsmanager";

    /** @throws AwsSettingException naming the variable that is missing or wrong */
    public static SecretsManagerEndpoint from(Map<String, String> environment) {
        String region = region(environment);
        for (String variable : new String[] {"AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL"}) {
            String override = environment.get(variable);
            if (override != null && !override.isBlank()) {
                return new SecretsManagerEndpoint(override(variable, override.strip()), region);
            }
        }
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return new SecretsManagerEndpoint(URI.create("https://secretsmanager." + region + "." + domain + "/"), region);
    }

    private static String region(Map<String, String> environment) {
        String region = environment.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            region = environment.get("AWS_DEFAULT_REGION");
        }
        if (region == null || region.isBlank()) {
            throw new AwsSettingException("AWS_REGION", "is not set, and reading secrets with JWT_SECRETS_VIA=api "
                    + "(the default) needs the region for Secrets Manager's endpoint and the request's signature; "
                    + "Lambda sets it, so set it where the authorizer runs elsewhere (for example AWS_REGION=eu-west-1), "
                    + "or set JWT_SECRETS_VIA=extension");
        }
        region = region.strip();
        // It becomes part of a host name and of the signature's scope.
        if (!region.matches("[a-z]{2}(-[a-z0-9]+)+")) {
            throw new AwsSettingException("AWS_REGION", "\"" + region + "\" is not a region name such as eu-west-1");
        }
        return region;
    }

    private static URI override(String variable, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new AwsSettingException(variable, "is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        try {
            RemoteUrl.check(uri);
        } catch (IllegalArgumentException e) {
            throw new AwsSettingException(variable, e.getMessage());
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new AwsSettingException(variable, "\"" + text + "\" must be a plain endpoint URL, without a query, "
                    + "fragment or user name");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    }
}
