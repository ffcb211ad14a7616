// A Node.js API Gateway TOKEN authorizer on aws-jwt-verify, as a team would write it with that
// library: verify RS256 against a JWKS, allow the methodArn, pass sub and scope in the context.
// Usage: node authorizer.mjs invoke EVENT.json
//        node authorizer.mjs replay EVENTS.jsonl
//        node authorizer.mjs stream [WARMUP.jsonl]
// stream answers stdin line by line, one answer line per event as soon as it is made; with
// WARMUP.jsonl it first answers those events (answers discarded) before reading stdin, the peer's
// counterpart of the authorizer's `replay --prime -` (V8 compiles what those events ran).
// Environment: JWT_ISSUER, JWT_AUDIENCE, JWT_JWKS_FILE (a JWKS document on disk).
import { JwtVerifier } from "aws-jwt-verify";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const verifier = JwtVerifier.create({
  issuer: process.env.JWT_ISSUER,
  audience: process.env.JWT_AUDIENCE.split(","),
  jwksUri: "https://unused.invalid/jwks.json",
});
verifier.cacheJwks(JSON.parse(readFileSync(process.env.JWT_JWKS_FILE, "utf8")));

function authorize(event) {
  const token = (event.authorizationToken || "").replace(/^Bearer\s+/i, "");
  try {
    const claims = verifier.verifySync(token);
    return {
      principalId: claims.sub,
      policyDocument: {
        Version: "2012-10-17",
        Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: [event.methodArn] }],
      },
      context: { sub: claims.sub, scope: claims.scope ?? "" },
    };
  } catch {
    return { errorMessage: "Unauthorized", errorType: "Error" };
  }
}

const lines = (text) => text.split("\n").filter((l) => l.trim());
const [command, file] = process.argv.slice(2);
if (command === "stream") {
  let warmed = 0;
  for (const line of file ? lines(readFileSync(file, "utf8")) : []) {
    if (JSON.stringify(authorize(JSON.parse(line))).includes('"Allow"')) warmed++;
  }
  if (file && warmed === 0) throw new Error(`no warm-up event in ${file} was allowed`);
  // process.stdout on a pipe is synchronous on Linux: each answer leaves as it is written.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) process.stdout.write(JSON.stringify(authorize(JSON.parse(line))) + "\n");
  }
} else {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  const events = command === "replay" ? lines(text).map((l) => JSON.parse(l)) : [JSON.parse(text)];
  const out = [];
  for (const event of events) out.push(JSON.stringify(authorize(event)));
  process.stdout.write(out.join("\n") + "\n");
}
