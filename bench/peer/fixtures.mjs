// Writes benchmark fixtures into DIR: an RSA key set (jwks.json), one event (event.json), N events
// with distinct RS256 tokens (events.jsonl), W more for warm-ups (warmup.jsonl) and each side's
// configuration (env.json: {"ours": {...}, "peer": {...}}; ours refuses settings it does not know).
// Every token is valid for 24 hours and must be allowed by both sides.
// Usage: node fixtures.mjs DIR [N=2000] [W=200]
import { generateKeyPairSync, createSign } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const [dirArg, n = "2000", w = "200"] = process.argv.slice(2);
const dir = resolve(dirArg);
mkdirSync(dir, { recursive: true });
const issuer = "https://issuer.bench.example";
const audience = "bench-api";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: "jwk" }), kid: "bench-1", alg: "RS256", use: "sig" };
writeFileSync(`${dir}/jwks.json`, JSON.stringify({ keys: [jwk] }));

const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString("base64url");
const now = Math.floor(Date.now() / 1000);
function token(sub) {
  const head = b64({ alg: "RS256", typ: "JWT", kid: "bench-1" });
  const body = b64({ iss: issuer, aud: audience, sub, scope: "books:read", iat: now, exp: now + 86400 });
  const sig = createSign("RSA-SHA256").update(`${head}.${body}`).sign(privateKey).toString("base64url");
  return `${head}.${body}.${sig}`;
}
const event = (sub, i) => JSON.stringify({
  type: "TOKEN",
  authorizationToken: `Bearer ${token(sub)}`,
  methodArn: `arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books/${i}`,
});
const many = (count, prefix) => Array.from({ length: Number(count) }, (_, i) => event(`${prefix}-${i}`, i)).join("\n") + "\n";
writeFileSync(`${dir}/event.json`, event("first", 0));
writeFileSync(`${dir}/events.jsonl`, many(n, "user"));
writeFileSync(`${dir}/warmup.jsonl`, many(w, "warm"));
// The same issuer, audience and key set for both; ours also passes sub and scope in the context, as the peer does.
const ours = { JWT_ISSUER: issuer, JWT_AUDIENCE: audience, JWT_JWKS_URI: `file://${dir}/jwks.json`, JWT_ALGORITHMS: "RS256", JWT_CONTEXT_CLAIMS: "sub,scope" };
const peer = { JWT_ISSUER: issuer, JWT_AUDIENCE: audience, JWT_JWKS_FILE: `${dir}/jwks.json` };
writeFileSync(`${dir}/env.json`, JSON.stringify({ ours, peer }, null, 2) + "\n");
