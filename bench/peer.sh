#!/usr/bin/env bash
# The peer comparison end to end, from a clean clone: builds the authorizer, installs the peer
# (aws-jwt-verify on Node.js, from ../shared/bench/peer) into target/peer-bench, makes fixtures,
# then runs the shared compare.mjs with default JVM flags, with Lambda's tier-1 flags, and with an
# application class-data sharing archive; then peak memory of a cold run, and the first decision
# after SnapStart-style priming. Not part of the build or the test run.
# Usage: bench/peer.sh [RUNS=5] [EVENTS=2000]      Results: stdout and target/peer-bench/results.txt
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peer_source=${PEER_BENCH_DIR:-$root/../shared/bench/peer}
runs=${1:-5}
events=${2:-2000}
work=$root/target/peer-bench
tier1="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"

rm -rf "$work"
mkdir -p "$work/peer"
cp "$peer_source"/authorizer.mjs "$peer_source"/compare.mjs "$peer_source"/fixtures.mjs "$peer_source"/package.json "$work/peer/"
(cd "$work/peer" && npm install --no-audit --no-fund --silent)
(cd "$root" && mvn -B -q package -DskipTests -Dfuzz.skip=true)
node "$work/peer/fixtures.mjs" "$work/fixtures" "$events" >/dev/null
jar=$root/target/jwt-authorizer.jar
set -a
# shellcheck disable=SC1091
source "$work/fixtures/env.sh"
set +a

# The classes one cold invoke loads, archived for -XX:SharedArchiveFile (JDK 13+; same JDK build only).
java -XX:ArchiveClassesAtExit="$work/app.jsa" -jar "$jar" invoke -e "$work/fixtures/event.json" >/dev/null 2>&1
cds="-XX:SharedArchiveFile=$work/app.jsa"

peak_rss() { # peak resident memory in MiB of one command, from the kernel's accounting
  python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")' "$@"
}
first_decision_micros() { # the decision log's own timing of the one event's decision
  "$@" 2>&1 >/dev/null | grep '"event":"decision"' | tail -1 | sed 's/.*"micros":\([0-9]*\).*/\1/'
}
median_of_5() { for _ in 1 2 3 4 5; do "$@"; done | sort -n | sed -n 3p; }

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); $(java -version 2>&1 | head -1); node $(node --version)"
  for variant in "default flags||" "tier-1 flags|$tier1|" "default flags + AppCDS||$cds" "tier-1 flags + AppCDS|$tier1|$cds"; do
    IFS='|' read -r label tool_options extra <<<"$variant"
    echo
    echo "== $label"
    JAVA_TOOL_OPTIONS="$tool_options" node "$work/peer/compare.mjs" "$work/fixtures" \
      "java $extra -jar $jar invoke -e" "java $extra -jar $jar replay" "$runs" 2>&1 | grep -v "Picked up JAVA_TOOL_OPTIONS"
  done
  echo
  for variant in "default flags|" "tier-1 flags|$tier1"; do
    IFS='|' read -r label tool_options <<<"$variant"
    export JAVA_TOOL_OPTIONS="$tool_options"
    echo "== $label: peak RSS of a cold run (MiB, median of 5): ours $(median_of_5 peak_rss java -jar "$jar" invoke -e "$work/fixtures/event.json")" \
      " peer $(median_of_5 peak_rss node "$work/peer/authorizer.mjs" invoke "$work/fixtures/event.json")"
    echo "== $label: first decision (us, median of 5): unprimed $(median_of_5 first_decision_micros java -jar "$jar" invoke -e "$work/fixtures/event.json")" \
      " after priming $(median_of_5 first_decision_micros java -jar "$jar" invoke -e "$work/fixtures/event.json" --prime)"
  done
  unset JAVA_TOOL_OPTIONS
} | tee "$work/results.txt"
