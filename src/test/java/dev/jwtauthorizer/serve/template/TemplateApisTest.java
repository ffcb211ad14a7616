package dev.jwtauthorizer.serve.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Cors;
import dev.jwtauthorizer.serve.model.Payload;
import dev.jwtauthorizer.serve.model.RouteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The APIs serve emulates are the ones the template deploys, with the settings API Gateway would apply. */
class TemplateApisTest {
    private static final Path PROJECT_TEMPLATE = Path.of("template.yaml");
    private static final String VALIDATION = "^[Bb][Ee][Aa][Rr][Ee][Rr] [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";
    private static final List<RouteSpec> BOOK_ROUTES = List.of(
            new RouteSpec("GET", "/books", "JwtAuthorizer"),
            new RouteSpec("GET", "/books/{id}", "JwtAuthorizer"),
            new RouteSpec("POST", "/books", "JwtAuthorizer"));

    @Test
    void projectTemplateRestApiIsTheTokenAuthorizedBooksApi() throws Exception {
        ApiSpec api = TemplateApis.read(PROJECT_TEMPLATE, Map.of()).get(0);
        assertEquals("BooksApi", api.name());
        assertEquals(ApiType.REST, api.type());
        assertEquals("prod", api.stage());
        assertEquals(Map.of("JwtAuthorizer", new AuthorizerSpec("JwtAuthorizer", Payload.TOKEN,
                List.of("header:Authorization"), VALIDATION, 300, false)), api.authorizers());
        assertEquals(BOOK_ROUTES, api.routes());
        assertEquals(new Cors("*", List.of("Authorization", "Content-Type"),
                List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"), 600), api.cors());
        assertEquals(Map.of(
                401, Map.of("Access-Control-Allow-Origin", "*", "WWW-Authenticate", "Bearer"),
                403, Map.of("Access-Control-Allow-Origin", "*"),
                500, Map.of("Access-Control-Allow-Origin", "*")), api.gatewayResponseHeaders());
    }

    @Test
    void projectTemplateHttpApiIsTheSimpleResponseBooksHttpApi() throws Exception {
        List<ApiSpec> apis = TemplateApis.read(PROJECT_TEMPLATE, Map.of());
        assertEquals(List.of("BooksApi", "BooksHttpApi", "PartnerHttpApi"), apis.stream().map(ApiSpec::name).toList());
        ApiSpec api = apis.get(1);
        assertEquals("BooksHttpApi", api.name());
        assertEquals(ApiType.HTTP, api.type());
        assertEquals("$default", api.stage());
        assertEquals(Map.of("JwtAuthorizer", new AuthorizerSpec("JwtAuthorizer", Payload.V2,
                List.of("header:Authorization", "context:routeKey"), null, 300, true)), api.authorizers());
        assertEquals(BOOK_ROUTES, api.routes());
        assertEquals(new Cors("*", List.of("authorization", "content-type"),
                List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"), 600), api.cors());
        assertEquals(Map.of(), api.gatewayResponseHeaders());
    }

    @Test
    void parameterOverridesReplaceTheDefaults() throws Exception {
        List<ApiSpec> apis = TemplateApis.read(PROJECT_TEMPLATE,
                Map.of("AuthorizerCacheTtlSeconds", "0", "AllowedOrigin", "https://app.example.com"));
        for (ApiSpec api : apis) {
            api.authorizers().values().forEach(authorizer -> assertEquals(0, authorizer.ttlSeconds(), api.name()));
            if (api.name().equals("PartnerHttpApi")) {
                assertNull(api.cors(), "machine clients need no CORS");
            } else {
                assertEquals("https://app.example.com", api.cors().allowOrigin(), api.name());
            }
        }
        assertEquals("https://app.example.com", apis.get(0).gatewayResponseHeaders().get(401).get("Access-Control-Allow-Origin"));
    }

    @Test
    void parameterOverridesAreCheckedAgainstTheTemplate() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TemplateApis.read(PROJECT_TEMPLATE, Map.of("AuthorizerCacheTtl", "60")));
        assertTrue(unknown.getMessage().contains("AuthorizerCacheTtl: the template has no such parameter"), unknown.getMessage());
        IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
                () -> TemplateApis.read(PROJECT_TEMPLATE, Map.of("AuthorizerCacheTtlSeconds", "7200")));
        assertTrue(outOfRange.getMessage().contains("ReauthorizeEvery: 7200 is outside 0..3600"), outOfRange.getMessage());
    }

    @Test
    void readmeRestSnippetIsATokenAuthorizerWithItsExpression() throws Exception {
        ApiSpec api = only(withFunction(readmeSnippet("## Protect an existing API\n"), "Api", "RestApiId: !Ref MyApi"));
        assertEquals("prod", api.stage());
        assertEquals(new AuthorizerSpec("JwtAuthorizer", Payload.TOKEN, List.of("header:Authorization"), VALIDATION, 300, false),
                api.authorizers().get("JwtAuthorizer"));
        assertEquals(List.of(new RouteSpec("GET", "/items", "JwtAuthorizer")), api.routes());
        assertNull(api.cors());
        assertEquals(Map.of(), api.gatewayResponseHeaders());
    }

    @Test
    void readmeHttpApiSnippetIsAPayload2SimpleAuthorizer() throws Exception {
        ApiSpec api = only(withFunction(readmeSnippet("## Protect an existing HTTP API\n"), "HttpApi", "ApiId: !Ref MyHttpApi"));
        assertEquals("$default", api.stage());
        assertEquals(new AuthorizerSpec("JwtAuthorizer", Payload.V2, List.of("header:Authorization", "context:routeKey"),
                null, 300, true), api.authorizers().get("JwtAuthorizer"));
        assertEquals(List.of(new RouteSpec("GET", "/items", "JwtAuthorizer")), api.routes());
    }

    @Test
    void requestAuthorizersTakeEveryKindOfIdentitySourceInOrder() {
        ApiSpec api = only(withFunction("""
                Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: v1
                      Auth:
                        DefaultAuthorizer: Req
                        Authorizers:
                          Req:
                            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f
                            FunctionPayloadType: REQUEST
                            Identity:
                              StageVariables: [stage]
                              Context: [identity.sourceIp]
                              QueryStrings: [access_token]
                              Headers: [Authorization, Cookie]
                """, "Api", "RestApiId: !Ref Api"));
        assertEquals(new AuthorizerSpec("Req", Payload.REQUEST, List.of("header:Authorization", "header:Cookie",
                "query:access_token", "context:identity.sourceIp", "stageVariable:stage"), null, 300, false),
                api.authorizers().get("Req"));
    }

    @Test
    void httpApiPayload1WithoutReauthorizeEveryIsNotCached() {
        ApiSpec api = only(withFunction("""
                Http:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      StageName: dev
                      Auth:
                        DefaultAuthorizer: Lambda
                        Authorizers:
                          Lambda:
                            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f
                            AuthorizerPayloadFormatVersion: 1.0
                            Identity:
                              QueryStrings: [token]
                """, "HttpApi", "ApiId: !Ref Http"));
        assertEquals("dev", api.stage());
        assertEquals(new AuthorizerSpec("Lambda", Payload.V1, List.of("query:token"), null, 0, false),
                api.authorizers().get("Lambda"));
    }

    @Test
    void aRoutesOwnAuthorizerOverridesTheDefaultAndNoneLeavesItOpen() {
        List<ApiSpec> apis = TemplateApis.read("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth:
                        DefaultAuthorizer: A
                        Authorizers:
                          A: {FunctionArn: arn:a}
                          B: {FunctionArn: arn:b, FunctionPayloadType: TOKEN, Identity: {Header: X-Token}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Default: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /a, Method: get}}
                        Other:
                          Type: Api
                          Properties: {RestApiId: !Ref Api, Path: /b, Method: post, Auth: {Authorizer: B}}
                        Open:
                          Type: Api
                          Properties: {RestApiId: !Ref Api, Path: '/{proxy+}', Method: any, Auth: {Authorizer: NONE}}
                        NotAnApi: {Type: SQS, Properties: {Queue: arn:q}}
                """, Map.of());
        ApiSpec api = apis.get(0);
        assertEquals(List.of(new RouteSpec("GET", "/a", "A"), new RouteSpec("POST", "/b", "B"),
                new RouteSpec("ANY", "/{proxy+}", null)), api.routes());
        assertEquals(List.of("header:X-Token"), api.authorizers().get("B").identitySources());
        assertEquals(List.of("header:Authorization"), api.authorizers().get("A").identitySources());
    }

    @Test
    void eventsWithoutAnApiGoToSamsImplicitApisUnprotected() {
        List<ApiSpec> apis = TemplateApis.read("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Rest: {Type: Api, Properties: {Path: /hello, Method: GET}}
                        Http: {Type: HttpApi}
                        HttpRoute: {Type: HttpApi, Properties: {Path: /hi, Method: ANY}}
                """, Map.of());
        assertEquals(2, apis.size());
        ApiSpec rest = apis.get(0);
        assertEquals("ServerlessRestApi", rest.name());
        assertEquals("Prod", rest.stage());
        assertEquals(List.of(new RouteSpec("GET", "/hello", null)), rest.routes());
        ApiSpec http = apis.get(1);
        assertEquals("ServerlessHttpApi", http.name());
        assertEquals("$default", http.stage());
        assertEquals(List.of(new RouteSpec("ANY", "$default", null), new RouteSpec("ANY", "/hi", null)), http.routes());
    }

    @Test
    void globalsGiveEveryApiOfTheirKindItsSettings() {
        ApiSpec api = TemplateApis.read("""
                Globals:
                  Api:
                    Cors: "'https://app.example.com'"
                    Auth:
                      DefaultAuthorizer: Jwt
                      Authorizers: {Jwt: {FunctionArn: arn:x}}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Rest: {Type: Api, Properties: {Path: /hello, Method: GET}}
                """, Map.of()).get(0);
        assertEquals(List.of(new RouteSpec("GET", "/hello", "Jwt")), api.routes());
        assertEquals(new Cors("https://app.example.com", List.of(), List.of("GET", "OPTIONS"), null), api.cors());
    }

    @Test
    void gatewayResponseDefaultsApplyWhereNoOwnTypeIsSet() {
        ApiSpec api = TemplateApis.read("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      GatewayResponses:
                        DEFAULT_4XX:
                          ResponseParameters: {Headers: {X-Four: "'4xx'"}}
                        ACCESS_DENIED:
                          ResponseParameters: {Headers: {X-Denied: "'yes'"}}
                        AUTHORIZER_CONFIGURATION_ERROR:
                          ResponseParameters:
                            Headers:
                              X-Config: "'broken'"
                        DEFAULT_5XX:
                          ResponseParameters: {Headers: {X-Five: "'5xx'"}}
                """, Map.of()).get(0);
        assertEquals(Map.of(401, Map.of("X-Four", "4xx"), 403, Map.of("X-Denied", "yes"), 500, Map.of("X-Config", "broken")),
                api.gatewayResponseHeaders());
    }

    @Test
    void subResolvesParametersPseudoParametersAndEscapes() {
        ApiSpec api = TemplateApis.read("""
                Parameters:
                  Origin: {Type: String, Default: 'https://example.com'}
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: !Sub '${AWS::Region}-${!Literal}'
                      Cors:
                        AllowOrigin: !Sub "'${Origin}'"
                        AllowMethods: "'GET'"
                """, Map.of()).get(0);
        assertEquals("us-east-1-${Literal}", api.stage());
        assertEquals(new Cors("https://example.com", List.of(), List.of("GET"), null), api.cors());
    }

    @Test
    void settingsServeCannotKnowAreErrorsNamingThem() {
        assertError("Api StageName: Fn::GetAtt is not supported here", """
                Resources:
                  Api: {Type: AWS::Serverless::Api, Properties: {StageName: !GetAtt Stage.Name}}
                """);
        assertError("Api StageName: Bucket is not a parameter", """
                Resources:
                  Api: {Type: AWS::Serverless::Api, Properties: {StageName: !Ref Bucket}}
                """);
        assertError("Api StageName: parameter Stage has no Default", """
                Parameters:
                  Stage: {Type: String}
                Resources:
                  Api: {Type: AWS::Serverless::Api, Properties: {StageName: !Ref Stage}}
                """);
        assertError("Api: DefaultAuthorizer Missing is not one of its Lambda authorizers", """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod, Auth: {DefaultAuthorizer: Missing, Authorizers: {A: {FunctionArn: x}}}}
                """);
        assertError("Api authorizer Pool: only Lambda authorizers (FunctionArn) can be served", """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod, Auth: {Authorizers: {Pool: {UserPoolArn: arn:pool}}}}
                """);
        assertError("Fn event E: Auth.Authorizer Other is not one of Api's Lambda authorizers", """
                Resources:
                  Api: {Type: AWS::Serverless::Api, Properties: {StageName: prod}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events: {E: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /, Method: GET, Auth: {Authorizer: Other}}}}
                """);
        assertError("Fn event E: Http is not an AWS::Serverless::Api", """
                Resources:
                  Http: {Type: AWS::Serverless::HttpApi}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events: {E: {Type: Api, Properties: {RestApiId: !Ref Http, Path: /, Method: GET}}}
                """);
        assertError("Api: APIs defined by DefinitionBody", """
                Resources:
                  Api: {Type: AWS::Serverless::Api, Properties: {StageName: prod, DefinitionBody: {openapi: '3.0'}}}
                """);
        assertError("Api StageName is required", """
                Resources:
                  Api: {Type: AWS::Serverless::Api}
                """);
        assertError("AllowOrigins: serve supports exactly one origin", """
                Resources:
                  Http: {Type: AWS::Serverless::HttpApi, Properties: {CorsConfiguration: {AllowOrigins: [a, b]}}}
                """);
        assertError("header X: a value must be a quoted string", """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      GatewayResponses: {UNAUTHORIZED: {ResponseParameters: {Headers: {X: method.request.header.Origin}}}}
                """);
    }

    @Test
    void aTemplateFileErrorNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("broken.yaml");
        Files.writeString(template, "Resources:\n  Api: &anchor\n    Type: AWS::Serverless::Api\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemplateApis.read(template, Map.of()));
        assertEquals(template + ": line 2: anchors and aliases are not supported", e.getMessage());
    }

    private static void assertError(String expected, String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemplateApis.read(template, Map.of()));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    /** A template holding the given API resource (indented as README snippets are) and one GET /items route to it. */
    private static List<ApiSpec> withFunction(String apiResource, String eventType, String apiReference) {
        String resource = apiResource.replaceAll("(?m)^", "  ");
        return TemplateApis.read("Resources:\n" + resource + """
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        E:
                          Type: %s
                          Properties:
                            %s
                            Path: /items
                            Method: get
                """.formatted(eventType, apiReference), Map.of());
    }

    /** The first yaml block after the README heading. */
    private static String readmeSnippet(String heading) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf(heading);
        assertTrue(section >= 0, heading);
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static ApiSpec only(List<ApiSpec> apis) {
        assertEquals(1, apis.size());
        return apis.get(0);
    }
}
