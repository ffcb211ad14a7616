#!/usr/bin/env bash
# Cold cost of reading an HS secret, from a fresh JVM to the first decision: JWT_SECRETS_VIA=api (a
# SigV4-signed GetSecretValue call) against JWT_SECRETS_VIA=extension (the Parameters and Secrets
# extension's endpoint), both against a fake on 127.0.0.1 (bench/secret-fetch/fake.py), and the
# JVM-only baseline with the secret inline (JWT_HMAC_SECRET). Lambda's tier-1 JIT flags. Prints the
# median ms to the first decision and the classes loaded (-Xlog:class+load) for each.
# Loopback only: no TLS handshake to secretsmanager.REGION.amazonaws.com, no network, and not the
# extension's own start-up or its call to Secrets Manager. Not part of the build or the test run.
# Usage (from the project root, after `mvn -B -o compile`): bash bench/secrets-cold.sh [RUNS=11]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-11}
port=${PORT:-18778}
work=$root/target/secrets-cold
mkdir -p "$work/classes"
cd "$root"
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/target/classes:$(cat "$work/cp.txt")"
javac -cp "$cp" -d "$work/classes" bench/secrets-cold/ColdSecret.java
secret='a-shared-secret-of-more-than-32-bytes!'
token=$(python3 - "$secret" <<'PY'
import base64, hmac, hashlib, json, sys, time
b = lambda d: base64.urlsafe_b64encode(d).rstrip(b"=").decode()
now = int(time.time())
head = b(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
body = b(json.dumps({"iss": "https://issuer.bench.example", "aud": "bench-api", "sub": "bench", "iat": now, "exp": now + 86400}).encode())
sig = b(hmac.new(sys.argv[1].encode(), (head + "." + body).encode(), hashlib.sha256).digest())
print(head + "." + body + "." + sig)
PY
)
python3 bench/secret-fetch/fake.py "$port" &
fake=$!
trap 'kill $fake' EXIT
sleep 0.5
flags="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
run() { # mode -> ms from exec to the first decision
  local start; start=$(date +%s%3N)
  local line; line=$(java $flags -cp "$work/classes:$cp" ColdSecret "$1" "$port" "$secret" "$token" 2>&1 >/dev/null | grep decided_at_ms)
  echo $(( ${line#decided_at_ms=} - start ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Interleaved, so that load from elsewhere on the machine falls on every mode alike.
for mode in inline extension api; do run "$mode" >/dev/null; done  # warms the OS file cache, not the JVM
declare -A times
for i in $(seq "$runs"); do
  for mode in inline extension api; do times[$mode]+="$(run "$mode") "; done
done
for mode in inline extension api; do
  classes=$(java $flags -Xlog:class+load:file="$work/$mode.classes" -cp "$work/classes:$cp" ColdSecret "$mode" "$port" "$secret" "$token" >/dev/null 2>&1; wc -l < "$work/$mode.classes")
  printf '%-9s median %4s ms to first decision (runs: %s)  classes loaded: %s\n' "$mode" \
    "$(echo ${times[$mode]} | tr ' ' '\n' | median)" "${times[$mode]% }" "$classes"
done
