#!/usr/bin/env bash
# The floor under our cold start: fresh-process time to exit, at tier 1 with the JDK's default CDS
# archive, of (1) Hello (a JVM's own start and exit), (2) Floor (one RS256 TOKEN event verified with
# plain java.security: what any JVM authorizer must load), (3) our `invoke` and (4) the peer's
# `node authorizer.mjs invoke`, alternating, medians. Needs bench/compare.sh's fixtures and peer
# (target/compare) and target/jwt-authorizer.jar. Usage: bench/floor/floor.sh [RUNS=15]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-15}
fx=${FIXTURES:-$root/target/compare/fixtures}
peer=${PEER:-$root/target/compare/peer}
java=${JAVA_TIER1:-java}
out=$root/target/floor
mkdir -p "$out/classes"
javac --release 17 -d "$out/classes" "$root"/bench/floor/{Floor,Hello}.java
for main in Floor Hello; do
  printf 'Main-Class: %s\n' "$main" >"$out/$main.mf"
  jar --create --file "$out/$main.jar" --manifest "$out/$main.mf" -C "$out/classes" .
done
python3 - "$runs" "$java" "$out" "$fx" "$peer" "${OURS_JAR:-$root/target/jwt-authorizer.jar}" <<'PY'
import json, os, statistics, subprocess, sys, time
runs, java, out, fx, peer, ours = int(sys.argv[1]), *sys.argv[2:]
cfg = json.load(open(f"{fx}/env.json"))
t1 = [java, "-XX:TieredStopAtLevel=1", "-jar"]
event = f"{fx}/event.json"
sides = {
    "hello (JVM start and exit)": (t1 + [f"{out}/Hello.jar"], {}),
    "floor (one RS256 event, plain java.security)": (t1 + [f"{out}/Floor.jar", event, f"{fx}/jwks.json"], {}),
    "ours: invoke": (t1 + [ours, "invoke", "-e", event], cfg["ours"]),
    "peer: node authorizer.mjs invoke": (["node", f"{peer}/authorizer.mjs", "invoke", event], cfg["peer"]),
}
times = {k: [] for k in sides}
for r in range(runs + 1):
    order = list(sides) if r % 2 == 0 else list(reversed(sides))
    for name in order:
        cmd, env = sides[name]
        t = time.perf_counter()
        res = subprocess.run(cmd, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
        ms = (time.perf_counter() - t) * 1000
        if "hello" not in name and b'"Allow"' not in res.stdout:
            sys.exit(f"floor: {name} did not allow: {res.stdout[:200]!r}")
        if r > 0:
            times[name].append(ms)
peer_ms = times["peer: node authorizer.mjs invoke"]
print(f"fresh process to exit, tier 1, default CDS, median of {runs} alternating rounds (+1 discarded)")
for name, ms in times.items():
    q = statistics.quantiles(ms, n=4)
    ratio = statistics.median(a / b for a, b in zip(ms, peer_ms))
    print(f"  {name:46s} {statistics.median(ms):6.1f} ms  (quartiles {q[0]:.1f}-{q[2]:.1f})  {ratio:.2f}x the peer")
PY
