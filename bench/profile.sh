#!/usr/bin/env bash
# What limits /journal throughput: a JFR recording during a wrk run, summarised as the most frequent top frames
# and the most frequent HeavyLegs/library frames on the sampled stacks; then the same run with the pool size
# and the connection count varied. Uses the big bench database. Bounded: about 3 minutes.
# Usage: bench/profile.sh [PATH]   (default /journal)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

path=${1:-/journal}
DURATION=${DURATION:-20}
base="http://127.0.0.1:$PORT_A"
trap 'stop_app "${APP_PID:-}"' EXIT
ensure_postgres
ensure_package

# cpu_ticks PID...: user + system CPU time of the processes, in clock ticks (1/100 s).
cpu_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat") )); done; echo "$t"; }
backend_pids() { psql_bench -c "SELECT pid FROM pg_stat_activity WHERE datname = '$BENCH_DB'"; }

run_with() {  # run_with POOL CONNECTIONS [extra java options]
  local pool=$1 connections=$2; shift 2
  APP_OPTS_BENCH="-Dquarkus.datasource.jdbc.max-size=$pool" start_app "$PORT_A" "$BENCH_DB" "$OUT_DIR/app-profile.log" "$@"
  wait_ready "$PORT_A" 180 >/dev/null
  local jar="$OUT_DIR/cookies-profile.txt"; rm -f "$jar"
  login "$base" "$BENCH_EMAIL" "$BENCH_PASSWORD" "$jar"
  local cookie; cookie=$(cookie_header "$jar")
  wrk -t2 -c"$connections" -d3s -H "Cookie: $cookie" "$base$path" >/dev/null 2>&1 || true   # warm-up
  local backends app0 pg0 wall0 result
  backends=$(backend_pids); app0=$(cpu_ticks "$APP_PID"); pg0=$(cpu_ticks $backends); wall0=$(now_ms)
  WARMUP_SECONDS=0 result=$(run_wrk "profile" "$base$path" "$DURATION" "$connections" "$cookie")
  local wall=$(( ($(now_ms) - wall0) / 10 )) app=$(( $(cpu_ticks "$APP_PID") - app0 )) pg=$(( $(cpu_ticks $backends) - pg0 ))
  read -r _ rps p50 p99 errors _ <<<"$result"
  printf '   pool %2d, %2d connections: %7.0f req/s, p50 %6.2f ms, p99 %7.2f ms, %d errors; CPU: app %.2f cores, PostgreSQL backends %.2f cores\n' \
    "$pool" "$connections" "$rps" "$p50" "$p99" "$errors" "$(awk -v a="$app" -v w="$wall" 'BEGIN{print a/w}')" \
    "$(awk -v a="$pg" -v w="$wall" 'BEGIN{print a/w}')"
}

jfr="$OUT_DIR/journal.jfr"; rm -f "$jfr"
echo "== JFR during $DURATION s of $path at 32 connections"
run_with 16 32 "-XX:StartFlightRecording=filename=$jfr,settings=profile,dumponexit=true"
stop_app "$APP_PID"; APP_PID=
jfr print --events jdk.ExecutionSample "$jfr" >"$OUT_DIR/samples.txt"
samples=$(grep -c 'jdk.ExecutionSample' "$OUT_DIR/samples.txt" || true)
echo "   $samples execution samples; top frames (where the CPU is):"
awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print }' "$OUT_DIR/samples.txt" \
  | sort | uniq -c | sort -rn | head -15 | sed 's/^/     /'
echo "   frames anywhere on the sampled stacks, by area (share of samples):"
awk -v total="$samples" '
  /jdk.ExecutionSample/ { delete seen }
  /^[ \t]+[a-z].*\(/ {
    area = ""
    if ($0 ~ /io\.quarkus\.qute|io\.heavylegs\..*Templates|TemplateInstance/) area = "Qute rendering"
    else if ($0 ~ /org\.hibernate/) area = "Hibernate ORM"
    else if ($0 ~ /org\.postgresql/) area = "PostgreSQL JDBC driver"
    else if ($0 ~ /io\.agroal|com\.arjuna|io\.quarkus\.narayana/) area = "pool and transactions"
    else if ($0 ~ /io\.quarkus\.vertx\.http\.runtime\.security|io\.quarkus\.security|PersistentLoginManager|javax\.crypto|com\.sun\.crypto/) area = "security (session cookie, identity)"
    else if ($0 ~ /io\.netty|io\.vertx\.core/) area = "Netty / Vert.x I/O"
    if (area != "" && !(area in seen)) { seen[area] = 1; count[area]++ }
  }
  END { for (a in count) printf "     %5.1f%%  %s\n", 100 * count[a] / total, a }' "$OUT_DIR/samples.txt" | sort -rn

echo "== Varying one thing at a time"
for setting in "16 8" "16 64" "4 32" "32 32"; do
  run_with $setting
  stop_app "$APP_PID"; APP_PID=
done
