package dev.jwtauthorizer.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which function `sam local start-api` runs for an authorizer's {@code FunctionArn}, or null when it
 * cannot tell (it then logs "Unable to parse the Lambda ARN for Authorizer ..., skipping" and serves
 * the API without that authorizer).
 *
 * <p>A port of SAM CLI 1.164.0 (aws/aws-sam-cli at fe8f8dbb1160abce8ae13e0a4c5f8b456658afd3), for the
 * shapes a FunctionArn takes in a template: a string, {@code Ref}, {@code Fn::GetAtt} and the string
 * form of {@code Fn::Sub}. Two passes run, in this order:
 * <ol>
 * <li>samcli/lib/providers/sam_base_provider.py get_template: IntrinsicResolver.resolve_template(
 *     ignore_errors=True) rewrites every intrinsic it can
 *     (samcli/lib/intrinsic_resolver/intrinsic_property_resolver.py handle_fn_sub, handle_fn_ref,
 *     handle_fn_getatt; intrinsics_symbol_table.py resolve_symbols, arn_resolver);
 * <li>samcli/lib/providers/sam_api_provider.py _extract_authorizers_from_props hands the result to
 *     LambdaUri.get_function_name (samcli/commands/local/lib/swagger/integration_uri.py).
 * </ol>
 * The regular expressions are copied from those files.
 */
public final class SamCliAuthorizerFunction {
    // intrinsic_property_resolver.py: _REGEX_SUB_FUNCTION, with its empty middle alternative.
    private static final Pattern SUB_VARIABLE =
            Pattern.compile("\\$\\{(" + "AWS::.*?" + "||" + "[a-zA-Z0-9]*?\\.?[a-zA-Z0-9]*?" + ")\\}");
    // intrinsics_symbol_table.py: DEFAULT_PSEUDO_PARAM_VALUES (the partition follows the region).
    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::Region", "us-east-1",
            "AWS::StackName", "local",
            "AWS::URLSuffix", "localhost");

    // integration_uri.py: LambdaUri's patterns.
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:aws:lambda:[^:]+:[^:]+:function:[^:/]+(?::[^/]+)?");
    private static final Pattern FUNCTION_ARN_GENERIC = Pattern.compile("/functions/([^/]+)/invocations");
    private static final Pattern FUNCTION_NAME = Pattern.compile(".*:function:([^:]*)");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\..+\\}");
    private static final Pattern VALID_FUNCTION_NAME = Pattern.compile("([a-zA-Z0-9-_]+)");
    private static final Pattern SUB_FUNCTION_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.(Arn|Alias)\\}");

    private SamCliAuthorizerFunction() {
    }

    /** The function name SAM CLI would invoke for {@code functionArn} in {@code template}, or null. */
    public static String name(JsonNode functionArn, JsonNode template) {
        return LambdaUri.functionName(IntrinsicResolver.resolve(functionArn, template));
    }

    /** The first pass: what IntrinsicResolver leaves of the value (the value itself where it gives up). */
    static final class IntrinsicResolver {
        static JsonNode resolve(JsonNode value, JsonNode template) {
            if (value.has("Ref")) {
                return TextNode.valueOf(symbol(value.get("Ref").asText(), "Ref", template, false));
            }
            if (value.has("Fn::GetAtt")) {
                String resolved = symbol(value.get("Fn::GetAtt").get(0).asText(), value.get("Fn::GetAtt").get(1).asText(), template, false);
                return resolved == null ? value : TextNode.valueOf(resolved);
            }
            if (value.has("Fn::Sub") && value.get("Fn::Sub").isTextual()) {
                return TextNode.valueOf(sub(value.get("Fn::Sub").asText(), template));
            }
            return value;
        }

        /** handle_fn_sub: each ${...} the pattern finds is resolved with ignore_errors=True. */
        private static String sub(String text, JsonNode template) {
            String result = text;
            Matcher variables = SUB_VARIABLE.matcher(text);
            while (variables.find()) {
                String item = variables.group(1);
                int dot = item.lastIndexOf('.');
                String resolved = dot < 0
                        ? symbol(item, "Ref", template, true)
                        : symbol(item.substring(0, dot), item.substring(dot + 1), template, true);
                // re.sub(r"\$\{" + item + r"\}", str(result)): the item is not escaped, the
                // replacement has no group references.
                result = result.replaceAll("\\$\\{" + item + "\\}", Matcher.quoteReplacement(resolved));
            }
            return result;
        }

        /** resolve_symbols: pseudo parameters, parameter defaults, Ref to the logical id, Arn to a made-up ARN. */
        private static String symbol(String logicalId, String attribute, JsonNode template, boolean ignoreErrors) {
            if (PSEUDO_PARAMETERS.containsKey(logicalId)) {
                return PSEUDO_PARAMETERS.get(logicalId);
            }
            JsonNode parameterDefault = template.path("Parameters").path(logicalId).path("Default");
            if (!parameterDefault.isMissingNode()) {
                return parameterDefault.asText();
            }
            JsonNode resource = template.path("Resources").path(logicalId);
            if (resource.path("Type").asText().equals("AWS::Lambda::Alias") && attribute.equals("Ref")) {
                return arn(resource.path("Properties").path("FunctionName").path("Ref").asText(), template);
            }
            if (attribute.equals("Ref")) {
                return logicalId;
            }
            if (attribute.equals("Arn")) {
                return arn(logicalId, template);
            }
            // "${}".format(logical_id + "." + attribute): the braces are the format placeholder, so
            // what is left is "$Logical.Attribute".
            return ignoreErrors ? "$" + logicalId + "." + attribute : null;
        }

        /** arn_resolver for lambda: the FunctionName property if the resource has one, else the logical id. */
        private static String arn(String logicalId, JsonNode template) {
            JsonNode functionName = template.path("Resources").path(logicalId).path("Properties").path("FunctionName");
            String name = functionName.isTextual() ? functionName.asText() : logicalId;
            return "arn:aws:lambda:us-east-1:123456789012:function:" + name;
        }
    }

    /** The second pass: LambdaUri.get_function_name. */
    static final class LambdaUri {
        static String functionName(JsonNode uri) {
            String arn = functionArn(uri);
            if (arn == null) {
                return null;
            }
            Matcher name = FUNCTION_NAME.matcher(arn);
            if (!name.lookingAt()) {
                return null;
            }
            String maybeName = name.group(1);
            if (STAGE_VARIABLE.matcher(maybeName).lookingAt()) {
                return null;
            }
            return VALID_FUNCTION_NAME.matcher(maybeName).lookingAt() ? maybeName : null;
        }

        private static String functionArn(JsonNode uri) {
            JsonNode data = uri;
            if (data.isObject() && data.size() == 1 && data.has("Fn::Sub")) {
                data = resolveFnSub(data);
            }
            if (!data.isTextual() || data.asText().isEmpty()) {
                return null;
            }
            Matcher arn = FUNCTION_ARN.matcher(data.asText());
            if (arn.find()) {
                return arn.group(0);
            }
            Matcher generic = FUNCTION_ARN_GENERIC.matcher(data.asText());
            return generic.find() ? generic.group(1) : null;
        }

        /** _resolve_fn_sub: ${X.Arn} and ${X.Alias} become a made-up ARN; ${AWS::Region} stays as it is. */
        private static JsonNode resolveFnSub(JsonNode sub) {
            JsonNode arn = sub.get("Fn::Sub");
            if (arn.isArray()) {
                arn = arn.get(0);
            }
            if (!arn.isTextual()) {
                return sub;
            }
            return TextNode.valueOf(SUB_FUNCTION_ARN.matcher(arn.asText())
                    .replaceAll("arn:aws:lambda:\\${AWS::Region}:123456789012:function:$1"));
        }
    }
}
