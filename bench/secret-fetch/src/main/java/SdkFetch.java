import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

public class SdkFetch {
    public static void main(String[] args) {
        long start = System.nanoTime();
        SecretsManagerClient client = SecretsManagerClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(args[0]))
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "token")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        String value = client.getSecretValue(GetSecretValueRequest.builder().secretId("jwt").build()).secretString();
        System.out.println("sdk first fetch ms=" + (System.nanoTime() - start) / 1_000_000 + " len=" + value.length());
    }
}
