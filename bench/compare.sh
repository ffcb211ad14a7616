#!/usr/bin/env bash
# The side-by-side benchmark against aws-jwt-verify on Node.js (bench/peer), from a clean clone:
# builds the authorizer, installs the peer with `npm ci`, makes RS256 fixtures, then prints every
# row of issue 18's targets table, ours / peer, like for like (docs/PERFORMANCE.md says how each
# row is measured). Fails if either side does not allow every valid token. Not part of the build.
# Usage: bench/compare.sh [RUNS=15] [EVENTS=2000]
# Environment: JAVA25 (a JDK 25 java for the full-JIT rows; default /usr/lib/jvm/*25*/bin/java),
#   JAVA_TIER1 (the java for the tier-1 rows, Lambda java17/java21; default: java on PATH),
#   PEER_WARMUP (events the peer answers before a primed row's clock starts; default 6000, as many
#   as our priming's least number of rounds under C2, so both sides start the clock equally warm),
#   SKIP_JMH=1 (leave out row 5, about 2 minutes).
# Results: stdout, and target/compare/ (results.md: the table and the shared harness's lines;
#   results.json: every sample; jmh-*.txt; shared-*.txt).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
events=${2:-2000}
warmup=${PEER_WARMUP:-6000}
work=$root/target/compare
tier1="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
unset JAVA_TOOL_OPTIONS

for tool in node npm python3 mvn; do
  command -v "$tool" >/dev/null || { echo "compare: $tool is needed" >&2; exit 1; }
done
java25=${JAVA25:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
[[ -x "$java25" ]] && "$java25" -version 2>&1 | head -1 | grep -q '"25' \
  || { echo "compare: no JDK 25 found; set JAVA25=/path/to/jdk-25/bin/java" >&2; exit 1; }
java_tier1=${JAVA_TIER1:-$(command -v java)}

rm -rf "$work"
mkdir -p "$work/peer"
echo "compare: building the authorizer" >&2
(cd "$root" && mvn -B -q -Dstyle.color=never "$([[ ${SKIP_JMH:-} == 1 ]] && echo package || echo install)" -DskipTests -Dfuzz.skip=true)
echo "compare: installing the peer (npm ci)" >&2
cp "$root"/bench/peer/{authorizer.mjs,compare.mjs,fixtures.mjs,package.json,package-lock.json} "$work/peer/"
(cd "$work/peer" && npm ci --no-audit --no-fund --silent)
node "$work/peer/fixtures.mjs" "$work/fixtures" "$events" "$warmup"

echo "compare: measuring, $runs rounds (+1 discarded), ours and the peer alternating" >&2
OUR_JAR=$root/target/jwt-authorizer.jar JAVA_FULL=$java25 JAVA_TIER1=$java_tier1 \
  node "$work/peer/compare.mjs" measure "$work/fixtures" "$work/results.json" "$runs"

if [[ ${SKIP_JMH:-} != 1 ]]; then
  echo "compare: JMH, RS256 with ACCP, decision against the bare check (full JIT on JDK 25, then tier 1)" >&2
  (cd "$root/bench/jmh" && mvn -B -q -Dstyle.color=never package)
  jmh=(-jar "$root/bench/jmh/target/benchmarks.jar" WarmPathBenchmark -p alg=RS256 -p provider=accp -f 1 -wi 4 -w 1 -i 5 -r 1 -foe true)
  "$java25" "${jmh[@]}" >"$work/jmh-full.txt"
  # shellcheck disable=SC2086
  "$java_tier1" "${jmh[@]}" -jvmArgsAppend "$tier1" >"$work/jmh-tier1.txt"
fi

# The harness in ../shared (the one the independent peer benchmark runs), as its README says to run
# it: a one-event `invoke` for cold, (replay of N - replay of 1) / (N - 1) for warm, with the JIT's
# defaults and then at tier 1, its own peer and its own fixtures (whose env.sh sets JWT_JWKS_FILE and
# JWT_JWKS_URI for both sides).
shared=$root/../shared/bench/peer
if [[ -f $shared/compare.mjs ]]; then
  echo "compare: the shared harness ($shared/compare.mjs), default JIT and tier 1" >&2
  mkdir -p "$work/shared"
  cp "$shared"/{authorizer.mjs,compare.mjs,fixtures.mjs} "$work/shared/"
  ln -sfn "$work/peer/node_modules" "$work/shared/node_modules"
  node "$work/shared/fixtures.mjs" "$work/shared-fixtures" "$events" >/dev/null
  ours="$java_tier1 -jar $root/target/jwt-authorizer.jar"
  node "$work/shared/compare.mjs" "$work/shared-fixtures" "$ours invoke -e" "$ours replay" "$runs" >"$work/shared-default.txt"
  JAVA_TOOL_OPTIONS="$tier1" node "$work/shared/compare.mjs" "$work/shared-fixtures" "$ours invoke -e" "$ours replay" "$runs" \
    >"$work/shared-tier1.txt"
fi

node "$work/peer/compare.mjs" report "$work/results.json" "$work/jmh-full.txt" "$work/jmh-tier1.txt" | tee "$work/results.md"
for jit in default tier1; do
  if [[ -f $work/shared-$jit.txt ]]; then
    { echo; echo "shared harness, JIT $jit:"; cat "$work/shared-$jit.txt"; } | tee -a "$work/results.md"
  fi
done
echo "compare: results in $work/results.md (table), $work/results.json (every sample), $work/jmh-*.txt (JMH output), $work/shared-*.txt (the shared harness)" >&2
