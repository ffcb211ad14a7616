#!/usr/bin/env bash
# CI: README's "try it in one minute" against the packaged jar: serve the template's REST API on
# loopback with the token tool's development keys, and call it with curl as a user would.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/jwt-authorizer.jar
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$jar" token --keys "$work/keys" > /dev/null 2>&1
TOKEN=$(java -jar "$jar" token --keys "$work/keys" --sub alice --scope "books:read" 2>/dev/null)
java -jar "$jar" serve --port "$port" --template template.yaml --env-vars "$work/keys/env.json" 2> "$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
api="http://127.0.0.1:$port/prod"
for _ in $(seq 100); do
  grep -q 'listening on' "$work/serve.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "serve-check: serve exited" >&2; exit 1; }
  sleep 0.1
done

failures=0
expect() {
  local want=$1; shift
  local got
  got=$(curl -s -o "$work/body" -w '%{http_code}' "$@")
  if [ "$got" != "$want" ]; then
    echo "serve-check: curl $* gave $got, expected $want: $(cat "$work/body")" >&2
    failures=$((failures + 1))
  fi
}
expect 200 -H "Authorization: Bearer $TOKEN" "$api/books"
grep -q '"principalId":"alice"' "$work/body" || { echo "serve-check: the echo does not show the principal: $(cat "$work/body")" >&2; failures=$((failures + 1)); }
expect 403 -X POST -H "Authorization: Bearer $TOKEN" "$api/books"
expect 401 -H "Authorization: Bearer ${TOKEN}x" "$api/books"
expect 401 "$api/books"
expect 200 -H "Authorization: Bearer $TOKEN" "$api/books/42"
# The last call was answered from the policy cached for the first: no second call of the authorizer.
tail -n 1 "$work/serve.log" | grep -q '"cache":"hit"' || { echo "serve-check: the second route did not hit the cache" >&2; failures=$((failures + 1)); }
if [ "$failures" -ne 0 ]; then
  cat "$work/serve.log" >&2
  exit 1
fi
echo "serve-check: ok; 200, 403, 401, 401 and a cache hit across routes on $api"
kill "$server"
wait "$server" 2>/dev/null || true

# The README's API key loop: a key made by api-key, the template's PartnerHttpApi, x-api-key.
KEY=$(java -jar "$jar" api-key --id demo --principal partner-demo --allow 'GET /books' --keys-file "$work/keys/api-keys.json" 2>/dev/null)
JWT_API_KEYS_FILE="$work/keys/api-keys.json" java -jar "$jar" serve --port "$port" --template template.yaml --api PartnerHttpApi \
  --env-vars "$work/keys/env.json" 2> "$work/serve.log" &
server=$!
api="http://127.0.0.1:$port"
for _ in $(seq 100); do
  grep -q 'listening on' "$work/serve.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "serve-check: serve exited" >&2; exit 1; }
  sleep 0.1
done
expect 200 -H "x-api-key: $KEY" "$api/books"
grep -q '"apiKeyId":"demo"' "$work/body" || { echo "serve-check: the echo does not show the key's id: $(cat "$work/body")" >&2; failures=$((failures + 1)); }
expect 403 -H "x-api-key: $KEY" "$api/books/42"
expect 401 -H "x-api-key: ${KEY}x" "$api/books"
expect 401 -H "x-api-key: ${KEY:0:20}" "$api/books"
if grep -q -- "$KEY" "$work/serve.log" "$work/keys/api-keys.json"; then
  echo "serve-check: the key appears in the log or the key list" >&2
  failures=$((failures + 1))
fi
if [ "$failures" -ne 0 ]; then
  cat "$work/serve.log" >&2
  exit 1
fi
echo "serve-check: ok; API keys: 200, 403, 401, 401 on $api, and the key in no log line"
