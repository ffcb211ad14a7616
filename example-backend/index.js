// The example backend behind both APIs: echoes the route and what the authorizer passed on.
// A REST API sends payload format 1.0 (httpMethod, resource, requestContext.authorizer holding the
// context and principalId); an HTTP API sends 2.0 (routeKey, and a Lambda authorizer's context under
// requestContext.authorizer.lambda).
exports.handler = async (event) => {
  const httpApi = event.version === "2.0";
  return {
    statusCode: 200,
    headers: {
      "Content-Type": "application/json",
      // The HTTP API replaces this with its own CORS configuration; the REST API passes it on.
      "Access-Control-Allow-Origin": process.env.ALLOWED_ORIGIN,
    },
    body: JSON.stringify({
      api: httpApi ? "http" : "rest",
      route: httpApi ? event.routeKey : event.httpMethod + " " + event.resource,
      pathParameters: event.pathParameters,
      authorizer: httpApi ? event.requestContext.authorizer.lambda : event.requestContext.authorizer,
    }),
  };
};
