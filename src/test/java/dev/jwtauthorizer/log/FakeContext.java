package dev.jwtauthorizer.log;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Context the Lambda runtime hands each invocation, with the values a test chooses. */
record FakeContext(String requestId, String functionName, String functionArn, int memoryMb) implements Context {
    static final String FUNCTION = "jwt-authorizer-prod";
    static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:jwt-authorizer-prod:live";

    static FakeContext of(String requestId) {
        return new FakeContext(requestId, FUNCTION, ARN, 512);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2026/01/01/[live]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "7";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 3000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
