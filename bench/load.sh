#!/usr/bin/env bash
# Load: 60 s at 64 connections on the big bench database, mixing article reads (40 %), journal reads (45 %) and
# entry creates (15 %, POST /journal with the CSRF token; a quarter dated today, the rest backfill over the last
# year; BENCH_SAME_DAY=1 dates every one today). Passes with zero 5xx and zero socket errors.
# The reads and writes go to a throwaway user who starts with a copy of the benchmark user's history and is
# deleted afterwards, so the benchmark user's data stays as seeded. Bounded: about 2 minutes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SECONDS_LOAD=${SECONDS_LOAD:-60}
CONNECTIONS_LOAD=${CONNECTIONS_LOAD:-64}
base="http://127.0.0.1:$PORT_A"
email="load-$$@example.org"
trap 'stop_app "${APP_PID:-}"; psql_bench -d "$BENCH_DB" -c "DELETE FROM app_user WHERE email = '"'"'$email'"'"'" >/dev/null || true' EXIT

ensure_postgres
ensure_package
[ "$(psql_bench -c "SELECT count(*) FROM pg_database WHERE datname = '$BENCH_DB'")" = 1 ] || "$BENCH_DIR/seed.sh" big

start_app "$PORT_A" "$BENCH_DB" "$OUT_DIR/app-load.log"
wait_ready "$PORT_A" 180 >/dev/null || { tail -30 "$OUT_DIR/app-load.log"; exit 1; }
[ "$(register_user "$base" "$email" "$BENCH_PASSWORD")" = 303 ]
psql_bench -d "$BENCH_DB" -c "
  INSERT INTO journal_entry (owner_id, entry_date, entry_time, severity, symptoms, factors, notes, created_at, updated_at)
  SELECT (SELECT id FROM app_user WHERE email = '$email'), entry_date, entry_time, severity, symptoms, factors, notes,
         created_at, updated_at
  FROM journal_entry WHERE owner_id = (SELECT id FROM app_user WHERE email = '$BENCH_EMAIL')"
jar="$OUT_DIR/cookies-load.txt"; rm -f "$jar"
login "$base" "$email" "$BENCH_PASSWORD" "$jar"
token=$(curl -fsS -b "$jar" -c "$jar" "$base/journal/new" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 \
  | sed 's/.*value="//; s/"$//')
before=$(psql_bench -d "$BENCH_DB" -c "SELECT count(*) FROM journal_entry e JOIN app_user u ON u.id = e.owner_id WHERE u.email = '$email'")

echo "== ${SECONDS_LOAD}s at $CONNECTIONS_LOAD connections: articles, journal pages and entry creates"
BENCH_COOKIE=$(cookie_header "$jar") BENCH_CSRF=$token BENCH_MIX=mix \
  wrk -t2 -c"$CONNECTIONS_LOAD" -d"${SECONDS_LOAD}s" --timeout 10s -s "$BENCH_DIR/mix.lua" "$base" \
  >"$OUT_DIR/wrk-load.txt" 2>&1 || true
after=$(psql_bench -d "$BENCH_DB" -c "SELECT count(*) FROM journal_entry e JOIN app_user u ON u.id = e.owner_id WHERE u.email = '$email'")
rss=$(rss_mb "$APP_PID")

read -r _ rps p50 p99 _ requests < <(grep '^RESULT ' "$OUT_DIR/wrk-load.txt" || echo "RESULT 0 0 0 0 0")
status=$(grep '^STATUS ' "$OUT_DIR/wrk-load.txt" || echo "STATUS missing")
server5xx=$(echo "$status" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "503" || kv[1] == "other5xx") s += kv[2] } } END { print s + 0 }')
socket=$(echo "$status" | sed -n 's/.*socket=\([0-9]*\).*/\1/p'); socket=${socket:-1}
echo "   $requests requests, $rps req/s, p50 $p50 ms, p99 $p99 ms; ${status#STATUS }; $((after - before)) entries created; RSS ${rss} MB"
if [ "$server5xx" = 0 ] && [ "$socket" = 0 ] && [ "$requests" -gt 0 ]; then
  echo "PASS  load: zero 5xx and zero socket errors"
else
  echo "FAIL  load: $server5xx 5xx, $socket socket errors"; exit 1
fi
