#!/usr/bin/env bash
# The JMH warm-path benchmarks (bench/jmh), with default JVM flags and with Lambda's tier-1 flags.
# Installs the authorizer into the local Maven repository first. Not part of the build or tests.
# Usage: bench/jmh.sh [JMH OPTIONS...]     Results: stdout and target/jmh/*.txt
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/target/jmh
mkdir -p "$out"
(cd "$root" && mvn -B -q install -DskipTests -Dfuzz.skip=true)
(cd "$root/bench/jmh" && mvn -B -q package)
jar=$root/bench/jmh/target/benchmarks.jar
java -jar "$jar" -foe true "$@" | tee "$out/default.txt" | grep -E "^(Benchmark|WarmPath)"
java -jar "$jar" -foe true -jvmArgsAppend "-XX:+TieredCompilation -XX:TieredStopAtLevel=1" "$@" \
  | tee "$out/tier1.txt" | grep -E "^(Benchmark|WarmPath)"
