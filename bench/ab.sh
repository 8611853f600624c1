#!/usr/bin/env bash
# One change measured on its own on a shared machine: two builds of the app side by side on one database, each
# warmed up, then ROUNDS rounds of A then B on one path, so that both see the same load. Per run: req/s, p50, p99,
# the app's CPU per request (the whole JVM from /proc, and without the JIT's compiler threads) and PostgreSQL's
# (the backends of that app's pool, told apart by their application_name), and the load average.
# Usage: A=/path/to/quarkus-app-A B=/path/to/quarkus-app-B bench/ab.sh [PATH]
#        (ROUNDS=4 DURATION=15 CONNECTIONS=32 WARMUP_TOTAL=60; DB defaults to the small bench database)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

path=${1:-/journal}
ROUNDS=${ROUNDS:-4}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
DB=${DB:-$BENCH_DB_SMALL}
: "${A:?the first build's quarkus-app folder}" "${B:?the second build's quarkus-app folder}"
pids=()
trap 'for p in "${pids[@]}"; do stop_app "$p"; done' EXIT
ensure_postgres

# app_backends NAME: the PostgreSQL backends of the app started as NAME.
app_backends() { psql_bench -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'heavylegs-$1'"; }

declare -A port cookie pid
port[A]=$PORT_A; port[B]=$PORT_B
for side in A B; do
  folder=${!side}
  APP_JAR="$folder/quarkus-run.jar" start_app "${port[$side]}" "$DB?ApplicationName=heavylegs-$side" \
    "$OUT_DIR/app-ab-$side.log"
  pid[$side]=$APP_PID; pids+=("$APP_PID")
done
for side in A B; do
  wait_ready "${port[$side]}" 180 "${pid[$side]}" >/dev/null || { tail -30 "$OUT_DIR/app-ab-$side.log"; exit 1; }
  jar="$OUT_DIR/cookies-ab-$side.txt"; rm -f "$jar"
  login "http://127.0.0.1:${port[$side]}" "$BENCH_EMAIL" "$BENCH_PASSWORD" "$jar"
  cookie[$side]=$(cookie_header "$jar")
done
for side in A B; do
  echo "== Warm-up of $side ($path), load average $(load_average)"
  APP_PID=${pid[$side]} warm_up "http://127.0.0.1:${port[$side]}" "${cookie[$side]}" "$path" | tail -1
done
for side in A B; do
  echo "   $side: $(curl -sS -o /dev/null -w '%{http_code}, %{size_download} bytes' -H "Cookie: ${cookie[$side]}" \
    "http://127.0.0.1:${port[$side]}$path")"
done
echo "== $ROUNDS rounds of A then B, $DURATION s each at $CONNECTIONS connections on $path"
printf '   %-4s %8s %8s %8s %10s %12s %10s %6s\n' run req/s p50 p99 "app ms" "app-JIT ms" "PG ms" load
for round in $(seq "$ROUNDS"); do
  for side in A B; do
    p=${pid[$side]}; backends=$(app_backends "$side")
    app0=$(cpu_ticks "$p"); jit0=$(jit_ticks "$p"); pg0=$(cpu_ticks $backends)
    result=$(WARMUP_SECONDS=0 run_wrk "ab-$side-$round" "http://127.0.0.1:${port[$side]}$path" "$DURATION" \
      "$CONNECTIONS" "${cookie[$side]}")
    app=$(( $(cpu_ticks "$p") - app0 )); jit=$(( $(jit_ticks "$p") - jit0 )); pg=$(( $(cpu_ticks $backends) - pg0 ))
    read -r _ rps p50 p99 errors requests <<<"$result"
    [ "$errors" = 0 ] || echo "   ($side: $errors errors)"
    awk -v s="$side$round" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v n="$requests" -v a="$app" -v j="$jit" \
      -v g="$pg" -v l="$(load_average)" 'BEGIN { printf "   %-4s %8.0f %8.2f %8.2f %10.3f %12.3f %10.3f %6s\n",
        s, rps, p50, p99, n ? a * 10 / n : 0, n ? (a - j) * 10 / n : 0, n ? g * 10 / n : 0, l }'
  done
done
