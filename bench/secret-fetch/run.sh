#!/usr/bin/env bash
# Cold cost of reading one secret, from a fresh JVM to the secret in hand: the AWS SDK v2
# Secrets Manager client (URLConnection HTTP client) against the authorizer's own client for the
# Parameters and Secrets extension's endpoint. Both talk to a fake endpoint on 127.0.0.1, so this
# measures client start-up and first call, not the network or the extension itself.
# Usage (from the project root, after `mvn -B -q package -DskipTests`): bash bench/secret-fetch/run.sh [runs]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
port=18777
cd "$here"
mvn -B -q compile dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
mkdir -p target/ext
javac -cp "$root/target/jwt-authorizer.jar" -d target/ext ext/ExtFetch.java
python3 fake.py "$port" &
fake=$!
trap 'kill $fake' EXIT
sleep 0.5
echo "sdk jars: $(ls target/lib | wc -l), $(du -sk target/lib | cut -f1) KiB"
for i in $(seq "$runs"); do
  /usr/bin/time -f "  wall=%e s peakRSS=%M KB" java -cp "target/classes:target/lib/*" SdkFetch "http://127.0.0.1:$port" 2>&1 | grep -v SLF4J | tr '\n' ' '; echo
  /usr/bin/time -f "  wall=%e s peakRSS=%M KB" java -cp "target/ext:$root/target/jwt-authorizer.jar" ExtFetch "$port" 2>&1 | tr '\n' ' '; echo
done
