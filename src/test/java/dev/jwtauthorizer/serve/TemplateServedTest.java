package dev.jwtauthorizer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.template.TemplateApis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project's own template, read as `serve --template template.yaml` reads it, answering over loopback. */
class TemplateServedTest {
    private static final String BEARER = "Bearer " + GatewayFixture.token("books:read");

    private static ApiSpec api(String name) throws Exception {
        List<ApiSpec> apis = TemplateApis.read(Path.of("template.yaml"), Map.of());
        return ApiSelection.pick(apis, name);
    }

    @Test
    void theRestApiAnswersAsTheReadmeWalkthroughSays() throws Exception {
        try (GatewayFixture gateway = new GatewayFixture(api("BooksApi"), GatewayFixture.realHandler(), null)) {
            assertEquals(200, gateway.get("/prod/books", "Authorization", BEARER).status());
            assertEquals(403, gateway.send("POST", "/prod/books", "Authorization", BEARER).status());
            assertEquals(401, gateway.get("/prod/books", "Authorization", BEARER + "x").status());
            assertEquals(401, gateway.get("/prod/books").status());
            assertEquals(200, gateway.get("/prod/books/42", "Authorization", BEARER).status());
            assertEquals("hit", gateway.lastAccessLine().get("cache").asText(), "the policy cached for GET /books serves GET /books/42");
            // The template's gateway responses give a browser the status.
            assertEquals("*", gateway.get("/prod/books").raw().headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        }
    }

    @Test
    void theHttpApiAnswersWithSimpleResponsesCachedPerRoute() throws Exception {
        try (GatewayFixture gateway = new GatewayFixture(api("BooksHttpApi"), GatewayFixture.realHandler(), null)) {
            assertEquals(200, gateway.get("/books", "Authorization", BEARER).status());
            assertEquals(403, gateway.send("POST", "/books", "Authorization", BEARER).status());
            assertEquals("miss", gateway.lastAccessLine().get("cache").asText(), "$context.routeKey keys the cache per route");
            assertEquals(401, gateway.get("/books").status());
        }
    }

    @Test
    void thePartnerApiLetsNoJwtInAndCachesNothingAKeyHeaderAloneCouldReuse() throws Exception {
        // Its cache key is x-api-key and the route: an Allow for a JWT in Authorization, cached under
        // a key value the caller made up, would let that value in alone. No API keys are configured here,
        // as in the template's default.
        try (GatewayFixture gateway = new GatewayFixture(api("PartnerHttpApi"), GatewayFixture.realHandler(), null)) {
            assertEquals(401, gateway.get("/books", "Authorization", BEARER, "x-api-key", "let-me-in").status());
            assertEquals(401, gateway.get("/books", "x-api-key", "let-me-in").status());
            assertEquals("miss", gateway.lastAccessLine().get("cache").asText());
            assertEquals(401, gateway.get("/books").status());
        }
    }
}
