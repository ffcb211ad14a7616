#!/usr/bin/env bash
# The cost of writing the decision log line (bench/logline/.../DecisionLineBench.java), each run in
# a fresh JVM, with Lambda's java17/java21 tier-1 JIT flags and with default flags, each without and
# with the native crypto provider (ACCP) installed, as on Lambda after the first answer; medians of RUNS.
# With a git revision, measures that revision's DecisionLog instead of the working tree's (the
# revision is exported to target/logline-bench/REV and built there; nothing else is touched).
# Usage: bench/logline.sh [RUNS=7] [REV]     Results: stdout and target/logline-bench/results-NAME.txt
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
rev=${2:-}
work=$root/target/logline-bench
mkdir -p "$work"
if [ -n "$rev" ]; then
  name=$(git -C "$root" rev-parse --short "$rev")
  source_dir=$work/src-$name
  rm -rf "$source_dir" && mkdir -p "$source_dir"
  git -C "$root" archive "$rev" | tar -x -C "$source_dir"
else
  name=worktree
  source_dir=$root
fi
# An exported revision has no .git, so the pom's host profile does not pick this machine's ACCP build.
case "$(uname -m)" in aarch64) accp=linux-aarch_64 ;; *) accp=linux-x86_64 ;; esac
(cd "$source_dir" && mvn -B -q -o package -DskipTests -Dfuzz.skip=true -Daccp.classifier="$accp")
jar=$source_dir/target/jwt-authorizer.jar
classes=$work/classes-$name
rm -rf "$classes"
javac -d "$classes" -cp "$jar" "$root"/bench/logline/dev/jwtauthorizer/DecisionLineBench.java

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
out=$work/results-$name.txt
{
  echo "decision line, $name: µs per line, medians of $runs fresh JVMs; $(java -version 2>&1 | head -1)"
  tier1="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  for variant in "tier-1|$tier1|" "default||" "tier-1+ACCP|$tier1|accp" "default+ACCP||accp"; do
    IFS='|' read -r label flags mode <<<"$variant"
    raw=$work/raw-$name-$label.txt
    : >"$raw"
    for _ in $(seq "$runs"); do
      # shellcheck disable=SC2086
      java $flags -cp "$classes:$jar" dev.jwtauthorizer.DecisionLineBench $mode 2> >(cat >/dev/null) >>"$raw"
    done
    printf '%-13s first call %6s   mean of first 100 %6s   mean of first 2000 %6s   steady state %6s\n' "$label" \
      "$(awk '{print $2}' "$raw" | median)" "$(awk '{print $4}' "$raw" | median)" \
      "$(awk '{print $6}' "$raw" | median)" "$(awk '{print $8}' "$raw" | median)"
  done
} | tee "$out"
