package dev.jwtauthorizer.serve.template;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Cors;
import dev.jwtauthorizer.serve.model.RouteSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The APIs of a SAM template as serve emulates them: each AWS::Serverless::Api (REST) and
 * AWS::Serverless::HttpApi (HTTP), with its Lambda authorizers, stage, CORS, gateway response headers
 * and the routes its functions' events add; then SAM's implicit APIs if events use them (built from
 * Globals.Api / Globals.HttpApi, without authorizers unless those give some). Globals apply to every
 * API of their kind, a setting of the API itself taking precedence (one level deep, unlike SAM's deep
 * merge). Anything serve cannot emulate faithfully is an {@link IllegalArgumentException} naming the
 * file and the setting.
 */
public final class TemplateApis {
    private final TemplateValues values;
    private final Map<String, Object> globals;

    private TemplateApis(TemplateValues values, Map<String, Object> globals) {
        this.values = values;
        this.globals = globals;
    }

    /** The template's APIs, in template order, the implicit ones last. */
    public static List<ApiSpec> read(Path template, Map<String, String> parameterOverrides) throws IOException {
        String text = Files.readString(template);
        try {
            return read(text, parameterOverrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(template + ": " + e.getMessage(), e);
        }
    }

    static List<ApiSpec> read(String text, Map<String, String> parameterOverrides) {
        Map<String, Object> root = Maps.of(Yaml.parse(text), "the template");
        TemplateValues values = new TemplateValues(Maps.of(root.get("Parameters"), "Parameters"), parameterOverrides);
        TemplateApis reader = new TemplateApis(values, Maps.of(root.get("Globals"), "Globals"));
        Map<String, Object> resources = Maps.of(root.get("Resources"), "Resources");
        List<FunctionRoutes.Route> routes = FunctionRoutes.read(resources, values);

        Map<String, ApiType> apis = new LinkedHashMap<>();
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> definition = Maps.of(resource.getValue(), resource.getKey());
            Object type = definition.get("Type");
            if ("AWS::Serverless::Api".equals(type) || "AWS::Serverless::HttpApi".equals(type)) {
                ApiType kind = "AWS::Serverless::Api".equals(type) ? ApiType.REST : ApiType.HTTP;
                apis.put(resource.getKey(), kind);
                properties.put(resource.getKey(), Maps.of(definition.get("Properties"), resource.getKey() + " Properties"));
            }
        }
        for (FunctionRoutes.Route route : routes) {
            ApiType wanted = route.rest() ? ApiType.REST : ApiType.HTTP;
            boolean implicit = route.api().equals(FunctionRoutes.IMPLICIT_REST_API)
                    || route.api().equals(FunctionRoutes.IMPLICIT_HTTP_API);
            if (implicit && !apis.containsKey(route.api())) {
                apis.put(route.api(), wanted);
                properties.put(route.api(), Map.of());
            }
            if (apis.get(route.api()) != wanted) {
                throw new IllegalArgumentException(route.where() + ": " + route.api() + " is not an "
                        + (route.rest() ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi") + " of this template");
            }
        }
        List<ApiSpec> specs = new ArrayList<>();
        for (Map.Entry<String, ApiType> api : apis.entrySet()) {
            List<FunctionRoutes.Route> own = routes.stream().filter(route -> route.api().equals(api.getKey())).toList();
            specs.add(reader.api(api.getKey(), api.getValue(), properties.get(api.getKey()), own));
        }
        return specs;
    }

    private ApiSpec api(String name, ApiType type, Map<String, Object> own, List<FunctionRoutes.Route> events) {
        Map<String, Object> settings = new LinkedHashMap<>(Maps.of(globals.get(type == ApiType.REST ? "Api" : "HttpApi"),
                "Globals." + (type == ApiType.REST ? "Api" : "HttpApi")));
        settings.putAll(own);
        if (settings.containsKey("DefinitionBody") || settings.containsKey("DefinitionUri")) {
            // Routes and authorizers in an OpenAPI definition are not read: serving without them would
            // leave routes unprotected that are protected once deployed.
            throw new IllegalArgumentException(name + ": APIs defined by DefinitionBody or DefinitionUri are not supported");
        }
        String stage = values.string(settings.get("StageName"), name + " StageName");
        if (stage == null && type == ApiType.REST && !name.equals(FunctionRoutes.IMPLICIT_REST_API)) {
            throw new IllegalArgumentException(name + " StageName is required");
        }
        // SAM's implicit REST API has the stage Prod; an HTTP API without a stage has $default.
        stage = valueOr(stage, type == ApiType.REST ? "Prod" : "$default");
        Map<String, Object> auth = Maps.of(settings.get("Auth"), name + " Auth");
        Map<String, AuthorizerSpec> authorizers = new SamAuthorizers(values).read(name, type, auth);
        String defaultAuthorizer = values.string(auth.get("DefaultAuthorizer"), name + " Auth.DefaultAuthorizer");
        if (defaultAuthorizer != null && !authorizers.containsKey(defaultAuthorizer)) {
            throw new IllegalArgumentException(name + ": DefaultAuthorizer " + defaultAuthorizer
                    + " is not one of its Lambda authorizers " + authorizers.keySet());
        }
        List<RouteSpec> routes = new ArrayList<>();
        for (FunctionRoutes.Route event : events) {
            routes.add(new RouteSpec(event.method(), event.path(), authorizer(event, defaultAuthorizer, authorizers)));
        }
        List<String> methods = routes.stream().map(RouteSpec::method).toList();
        CorsSettings cors = new CorsSettings(values);
        Cors apiCors = type == ApiType.REST
                ? cors.rest(name, settings.get("Cors"), methods)
                : cors.http(name, settings.get("CorsConfiguration"));
        Map<Integer, Map<String, String>> responses = type == ApiType.REST
                ? new GatewayResponses(values).read(name, settings.get("GatewayResponses"))
                : Map.of();
        return new ApiSpec(name, type, stage, authorizers, routes, apiCors, responses);
    }

    private static String authorizer(FunctionRoutes.Route event, String defaultAuthorizer, Map<String, AuthorizerSpec> authorizers) {
        if (event.authorizer() == null) {
            return defaultAuthorizer;
        }
        if (event.authorizer().equals("NONE")) {
            return null;
        }
        if (!authorizers.containsKey(event.authorizer())) {
            throw new IllegalArgumentException(event.where() + ": Auth.Authorizer " + event.authorizer()
                    + " is not one of " + event.api() + "'s Lambda authorizers " + authorizers.keySet());
        }
        return event.authorizer();
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
