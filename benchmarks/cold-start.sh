#!/usr/bin/env bash
# The CLI's cold start as a user meets it: whole `./smartapi-auth` processes (the launcher included)
# against `java -version`, alternated round by round so every row meets the same machine state.
#
#   benchmarks/cold-start.sh [RUNS] [LAUNCHER ...]
#
# RUNS (default 7) rounds; each round runs `java -version` and then every row once. LAUNCHERs default
# to this checkout's ./smartapi-auth; give two (say, an export of an older commit and this one) to get
# "before" and "after" rows from the same run.
#
# Set-up, scripted so the figures can be reproduced: the first launcher's jar serves the embedded
# sandbox on loopback; `login` stores a FRESH session in two vaults, one keyed by a random key file,
# one by a passphrase (SMARTAPI_VAULT_PASSPHRASE, Argon2id m=64 MiB t=3 p=4); the sandbox is then
# stopped, so `token` and `status` must answer from the stored session alone (a network call would
# fail and show as a non-zero exit). Also times one Argon2id derivation with the vault's parameters in
# a fresh JVM (the part of `token` a passphrase vault adds). Prints a Markdown table: median, min, max
# and the ratio of the row's median to the median of `java -version`.
set -euo pipefail

RUNS="${1:-7}"
shift || true
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHERS=("$@")
[ ${#LAUNCHERS[@]} -gt 0 ] || LAUNCHERS=("$ROOT/smartapi-auth")

WORK="$(mktemp -d "${TMPDIR:-/tmp}/smartapi-cold-start.XXXXXX")"
SANDBOX_PID=""
cleanup() {
  if [ -n "$SANDBOX_PID" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; wait "$SANDBOX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Builds each launcher's jar before anything is timed, and drops its class archive, so that the
# untimed first `token` below records it (a launcher that records on any first run would otherwise
# keep an archive of --version's classes).
for launcher in "${LAUNCHERS[@]}"; do
  "$launcher" --version >/dev/null
  rm -f "$(dirname "$launcher")"/bootstrap/target/*.jsa "$(dirname "$launcher")"/bootstrap/target/*.jsa.size
done
JAR="$(dirname "${LAUNCHERS[0]}")/bootstrap/target/smartapi-auth.jar"

# --- set-up: a FRESH session in a key-file vault and in a passphrase vault -------------------------
java -jar "$JAR" sandbox --json-banner --no-rate-limits --serve-for 120 >"$WORK/banner" 2>"$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 100); do [ -s "$WORK/banner" ] && break; sleep 0.1; done
URL="$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$WORK/banner")"
[ -n "$URL" ] || { echo "cold-start: the sandbox did not start: $(cat "$WORK/sandbox.err")" >&2; exit 1; }

export SMARTAPI_API_KEY=sandbox-demo-key SMARTAPI_CLIENT_CODE=DEMO001 SMARTAPI_PIN=1234
export SMARTAPI_TOTP_SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP SMARTAPI_BASE_URL="$URL"
unset SMARTAPI_STORE SMARTAPI_VAULT_PASSPHRASE SMARTAPI_VAULT_KEY_FILE SMARTAPI_VAULT_DIR SMARTAPI_AUTH_JAVA_OPTS
head -c 32 /dev/urandom >"$WORK/vault.key"
chmod 600 "$WORK/vault.key"
KEYED=(env SMARTAPI_VAULT_DIR="$WORK/keyed" SMARTAPI_VAULT_KEY_FILE="$WORK/vault.key")
PASSPHRASED=(env SMARTAPI_VAULT_DIR="$WORK/passphrased" SMARTAPI_VAULT_PASSPHRASE=cold-start-bench)

next_totp_step() { # two logins in one 30 s TOTP step would send a spent code
  local now; now=$(date +%s)
  sleep $((30 - now % 30)).2
}
"${KEYED[@]}" java -jar "$JAR" login >/dev/null
next_totp_step
"${PASSPHRASED[@]}" java -jar "$JAR" login >/dev/null
kill "$SANDBOX_PID"; wait "$SANDBOX_PID" 2>/dev/null || true; SANDBOX_PID=""
"${KEYED[@]}" java -jar "$JAR" status | grep -q ': FRESH$' || { echo "cold-start: no FRESH session (key file)" >&2; exit 1; }
"${PASSPHRASED[@]}" java -jar "$JAR" status | grep -q ': FRESH$' || { echo "cold-start: no FRESH session (passphrase)" >&2; exit 1; }

# The first `token` after a jar change writes the launcher's class archive (where it keeps one): done
# here, untimed, as a user's first call would.
for launcher in "${LAUNCHERS[@]}"; do "${KEYED[@]}" "$launcher" token >/dev/null; done

# --- one Argon2id derivation, the vault's parameters, timed inside a fresh JVM ----------------------
cat >"$WORK/Argon2idOnce.java" <<'EOF'
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
public class Argon2idOnce {
    public static void main(String[] args) {
        long start = System.nanoTime();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(64 * 1024).withIterations(3).withParallelism(4).withSalt(new byte[16]).build());
        generator.generateBytes("cold-start-bench".getBytes(), new byte[32]);
        System.out.printf("%.1f%n", (System.nanoTime() - start) / 1e6);
    }
}
EOF

# --- the rows ---------------------------------------------------------------------------------------
NAMES=("java -version")
COMMANDS=("java -version")
for launcher in "${LAUNCHERS[@]}"; do
  shown="${launcher/#$ROOT\//./}"
  NAMES+=("$shown --version" "$shown status (key file)" "$shown token (key file)"
          "$shown status (passphrase)" "$shown token (passphrase)")
  COMMANDS+=("$launcher --version" "KEYED $launcher status" "KEYED $launcher token"
             "PASSPHRASED $launcher status" "PASSPHRASED $launcher token")
done

run_row() { # prints the wall milliseconds of one run; fails on a non-zero exit
  local words=($1) start end
  case "${words[0]}" in
    KEYED) words=("${KEYED[@]}" "${words[@]:1}") ;;
    PASSPHRASED) words=("${PASSPHRASED[@]}" "${words[@]:1}") ;;
  esac
  start=$EPOCHREALTIME
  if ! "${words[@]}" >"$WORK/out" 2>"$WORK/err" </dev/null; then
    echo "cold-start: '$1' failed: $(head -c 300 "$WORK/err")" >&2; exit 1
  fi
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }'
}

declare -A TIMES
for row in "${!COMMANDS[@]}"; do run_row "${COMMANDS[$row]}" >/dev/null; done # warm the page cache
ARGON=()
for round in $(seq "$RUNS"); do
  for row in "${!COMMANDS[@]}"; do TIMES[$row]+="$(run_row "${COMMANDS[$row]}") "; done
  ARGON+=("$(java -cp "$JAR" "$WORK/Argon2idOnce.java")")
done

stats() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f %.1f\n", m, v[1], v[NR] }'; }

read -r BASE _ _ <<<"$(echo "${TIMES[0]}" | stats)"
read -r KDF KDF_MIN KDF_MAX <<<"$(echo "${ARGON[*]}" | stats)"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $RUNS rounds, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
java -version 2>&1 | head -1
echo
echo "| command | median ms | min | max | median / java -version median |"
echo "|---|---|---|---|---|"
for row in "${!COMMANDS[@]}"; do
  read -r med min max <<<"$(echo "${TIMES[$row]}" | stats)"
  printf '| `%s` | %s | %s | %s | %.1fx |\n' "${NAMES[$row]}" "$med" "$min" "$max" \
    "$(awk -v a="$med" -v b="$BASE" 'BEGIN { print a / b }')"
done
printf '| one Argon2id derivation (64 MiB, t=3, p=4), inside a fresh JVM | %s | %s | %s | %.1fx |\n' \
  "$KDF" "$KDF_MIN" "$KDF_MAX" "$(awk -v a="$KDF" -v b="$BASE" 'BEGIN { print a / b }')"
echo
printf 'goals: key file at most 8 x %s = %.1f ms; passphrase at most 8 x %s + %s = %.1f ms\n' "$BASE" \
  "$(awk -v b="$BASE" 'BEGIN { print 8 * b }')" "$BASE" "$KDF" "$(awk -v b="$BASE" -v k="$KDF" 'BEGIN { print 8 * b + k }')"
