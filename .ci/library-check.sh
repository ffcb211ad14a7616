#!/usr/bin/env bash
# The project as a library, the way another project gets it: `mvn install` at the root, the example
# custom checks built and tested against the installed artifact, then a new consumer project that
# depends on the artifact alone. The consumer calls java-jwt's JWT.decode (which needs
# jackson-databind and jackson-core, kept out of the function's package but not from library users) and the policy
# builder, and must not receive the optional native crypto provider.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

# Reads the root pom: its version, and the plugin versions it pins (the consumer pins the same).
pom() {
  python3 - "$1" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse("pom.xml").getroot()
if sys.argv[1] == "version":
    print(root.find("m:version", ns).text)
else:
    for plugin in root.findall("m:build/m:pluginManagement/m:plugins/m:plugin", ns):
        if plugin.find("m:artifactId", ns).text == sys.argv[1]:
            print(plugin.find("m:version", ns).text)
EOF
}
version=$(pom version)

mvn -B -q -Dstyle.color=never install -DskipTests -Dfuzz.skip=true
echo "library-check: installed dev.jwtauthorizer:jwt-authorizer:$version"

if [ ! -f examples/custom-checks/pom.xml ]; then
  echo "library-check: examples/custom-checks/pom.xml is missing" >&2
  exit 1
fi
mvn -B -q -Dstyle.color=never -f examples/custom-checks/pom.xml verify -Djwt-authorizer.version="$version"
echo "library-check: examples/custom-checks built and tested against the installed library"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java/consumer"
cat > "$work/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>consumer</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>dev.jwtauthorizer</groupId>
      <artifactId>jwt-authorizer</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>$(pom maven-resources-plugin)</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>$(pom maven-compiler-plugin)</version></plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>$(pom maven-dependency-plugin)</version>
        <executions>
          <execution>
            <id>list</id>
            <phase>process-classes</phase>
            <goals><goal>list</goal></goals>
            <configuration><outputFile>\${project.build.directory}/dependencies.txt</outputFile></configuration>
          </execution>
          <execution>
            <id>class-path</id>
            <phase>process-classes</phase>
            <goals><goal>build-classpath</goal></goals>
            <configuration>
              <includeScope>runtime</includeScope>
              <outputFile>\${project.build.directory}/class-path.txt</outputFile>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF
cat > "$work/src/main/java/consumer/Consumer.java" <<'EOF'
package consumer;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.jwtauthorizer.policy.AuthorizerResponse;
import dev.jwtauthorizer.policy.MethodArn;
import dev.jwtauthorizer.policy.PolicyBuilder;
import dev.jwtauthorizer.verifier.JwtRejectedException;
import dev.jwtauthorizer.verifier.JwtVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

public final class Consumer {
    public static void main(String[] args) {
        DecodedJWT jwt = JWT.decode(args[0]);
        MethodArn request = MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/GET/books/42");
        AuthorizerResponse response = PolicyBuilder.forRequest(request)
                .principalId(jwt.getSubject())
                .allow("GET", "/books/*")
                .context("tenant", jwt.getClaim("tenant").asString())
                .build();
        System.out.println("subject=" + jwt.getSubject());
        System.out.println("permits=" + response.permits(request));
        System.out.println("context=" + response.context());

        // The verifier, with java-jwt's JWT.create (jackson-databind) making the token to check.
        byte[] secret = "a-consumer-secret-of-more-than-32-bytes".getBytes(StandardCharsets.UTF_8);
        JwtVerifier verifier = JwtVerifier.builder().issuer("https://issuer.example").audience("consumer")
                .algorithms("HS256").hmacSecret(secret).build();
        String signed = JWT.create().withIssuer("https://issuer.example").withAudience("consumer").withSubject("bob")
                .withExpiresAt(Instant.now().plusSeconds(300)).sign(Algorithm.HMAC256(secret));
        System.out.println("verified=" + verifier.verify(signed).subject());
        try {
            verifier.verify(signed.substring(0, signed.length() - 2) + "AA");
            System.out.println("rejected=nothing");
        } catch (JwtRejectedException e) {
            System.out.println("rejected=" + e.reason());
        }
    }
}
EOF

(cd "$work" && mvn -B -q -Dstyle.color=never process-classes)
if grep -q AmazonCorrettoCryptoProvider "$work/target/dependencies.txt"; then
  echo "library-check: the optional crypto provider came along with the library:" >&2
  cat "$work/target/dependencies.txt" >&2
  exit 1
fi
for jackson in jackson-databind jackson-core; do
  grep -q "com.fasterxml.jackson.core:$jackson" "$work/target/dependencies.txt" || {
    echo "library-check: $jackson (java-jwt needs it for JWT.decode) did not come along" >&2; exit 1; }
done

b64() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
token="$(b64 '{"alg":"RS256","typ":"JWT"}').$(b64 '{"sub":"alice","tenant":"acme"}').c2lnbmF0dXJl"
out=$(java -cp "$work/target/classes:$(cat "$work/target/class-path.txt")" consumer.Consumer "$token")
for expected in 'subject=alice' 'permits=true' 'context={tenant=acme}' 'verified=bob' 'rejected=BAD_SIGNATURE'; do
  grep -qxF "$expected" <<<"$out" || { echo "library-check: the consumer printed no '$expected':" >&2; echo "$out" >&2; exit 1; }
done
echo "library-check: ok; a consumer of $version alone ran JWT.decode, JwtVerifier and PolicyBuilder; it got:" \
  "$(grep -o '[a-zA-Z0-9.-]*:[a-zA-Z0-9.-]*:jar:[^:]*:[a-z]*' "$work/target/dependencies.txt" | cut -d: -f2,5 | sort | tr '\n' ' ')"
