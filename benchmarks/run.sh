#!/usr/bin/env bash
# Runs the benchmarks and writes docs/benchmarks.md.
#   benchmarks/run.sh [quick|full]     quick: a few minutes; full: longer, more forks and iterations
# Builds only what the benchmarks need (no tests), then: JMH with explicit fork/warm-up/iteration
# settings, the CLI cold-start timer, the sandbox throughput load and the thundering-herd harness.
set -euo pipefail

MODE="${1:-quick}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/benchmarks/target/results"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
CLI_JAR="$ROOT/bootstrap/target/smartapi-auth.jar"

case "$MODE" in
  quick)
    # fast benchmarks (ns): 1 fork, 2 x 1 s warm-up, 3 x 1 s measured
    FAST=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
    # round trips and file I/O (us): 1 fork, 2 x 2 s warm-up, 3 x 2 s measured
    SLOW=(-f 1 -wi 2 -w 2s -i 3 -r 2s)
    # Argon2id: single shots, 1 fork, 1 warm-up, 3 measured
    KDF=(-f 1 -wi 1 -i 3 -bm ss)
    COLD_RUNS=7; TP_WARMUP=2; TP_SECONDS=5; HERD_ROUNDS=3 ;;
  full)
    FAST=(-f 3 -wi 5 -w 1s -i 10 -r 1s)
    SLOW=(-f 2 -wi 5 -w 2s -i 10 -r 2s)
    KDF=(-f 2 -wi 2 -i 10 -bm ss)
    COLD_RUNS=21; TP_WARMUP=5; TP_SECONDS=20; HERD_ROUNDS=20 ;;
  *) echo "usage: $0 [quick|full]" >&2; exit 2 ;;
esac

echo "== build"
mvn -B -q -DskipTests package -pl benchmarks -am
rm -rf "$OUT"; mkdir -p "$OUT"
: > "$OUT/commands.txt"
run() { # logs the command (quoted, to paste into a shell), then runs it
  printf '%q ' "$@" | sed -e "s|$ROOT/||g" -e 's/ $//' >> "$OUT/commands.txt"; echo >> "$OUT/commands.txt"
  "$@"
}
echo "mvn -B -q -DskipTests package -pl benchmarks -am" >> "$OUT/commands.txt"

{
  echo "nproc:  $(nproc)"
  echo "CPU:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel: $(uname -sr)"
  echo "clocksource: $(cat /sys/devices/system/clocksource/clocksource0/current_clocksource 2>/dev/null || echo unknown)"
  echo "JDK:"
  java -version 2>&1 | sed 's/^/  /'
  echo "JMH 1.37; mode: $MODE"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared with other jobs)"
} > "$OUT/machine.txt"
date -u '+%Y-%m-%d %H:%M UTC' > "$OUT/date.txt"

B=io.github.smartapiauth.benchmarks
echo "== JMH"
run java -jar "$JAR" "$B.AccessTokenBenchmark|$B.TotpBenchmark|$B.FreshPathWithMetricsBenchmark|$B.PlatformCallBenchmark" "${FAST[@]}" \
  -rf json -rff "$OUT/jmh-fast.json" | tee "$OUT/jmh-fast.log"
run java -jar "$JAR" "$B.RoundTripBenchmark|$B.VaultBenchmark|$B.InjectorBenchmark" "${SLOW[@]}" \
  -rf json -rff "$OUT/jmh-slow.json" | tee "$OUT/jmh-slow.log"
run java -jar "$JAR" "$B.KdfBenchmark" "${KDF[@]}" -rf json -rff "$OUT/jmh-kdf.json" | tee "$OUT/jmh-kdf.log"
for f in fast slow kdf; do sed -n '/^Benchmark /,$p' "$OUT/jmh-$f.log"; echo; done > "$OUT/jmh-summary.txt"

echo "== harnesses"
{
  echo "-- CLI cold start"
  run java -cp "$JAR" $B.ColdStart "$CLI_JAR" "$COLD_RUNS" "$OUT/cold.properties"
  echo "-- getProfile throughput"
  run java -cp "$JAR" $B.ProfileThroughput 4 "$TP_WARMUP" "$TP_SECONDS" "$OUT/throughput-httpclient.properties" httpclient 100
  run java -cp "$JAR" $B.ProfileThroughput 4 "$TP_WARMUP" "$TP_SECONDS" "$OUT/throughput-urlconnection.properties" urlconnection
  echo "-- platform-call cost and the FRESH path with meters (interleaved rounds, CPU and wall per call)"
  run java -cp "$JAR" $B.PlatformCallCost 15 100000 2000
  echo "-- thundering herd"
  run java -cp "$JAR" $B.ThunderingHerd 1000 "$HERD_ROUNDS" "$OUT/herd.properties"
} 2>&1 | grep -v '^SLF4J' | tee "$OUT/harness.txt"

echo "load average at end:   $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
cp "$ROOT/benchmarks/notes.md" "$OUT/notes.md" 2>/dev/null || true
java -cp "$JAR" $B.BenchReport "$OUT" "$ROOT/docs/benchmarks.md" "$MODE"
echo "== wrote docs/benchmarks.md"
