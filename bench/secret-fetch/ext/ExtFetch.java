import dev.jwtauthorizer.keys.SecretsExtensionSource;
import java.time.Duration;
public class ExtFetch {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        byte[] value = new SecretsExtensionSource("jwt", Integer.parseInt(args[0]), Duration.ofSeconds(2), () -> "token").fetch();
        System.out.println("extension first fetch ms=" + (System.nanoTime() - start) / 1_000_000 + " len=" + value.length);
    }
}
