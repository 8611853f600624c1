#!/usr/bin/env bash
# Fault drill: under steady load, the app's PostgreSQL stops for 10 seconds and starts again.
# Checks: requests during the outage fail fast (503 within 5 s, none hangs, no other 5xx), /q/health/ready goes
# down and comes back, the service recovers within 30 s, and every entry whose create was answered 303 exists.
# The database is a throwaway PostgreSQL cluster on its own port (5499), so the machine's shared cluster is
# never stopped. Needs root or the postgres user (initdb, pg_ctl). Bounded: about 90 seconds.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PG_DIR=${PG_DIR:-/tmp/heavylegs-bench-pg}
export PGPORT_BENCH=${FAULT_PG_PORT:-5499}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-10}
LOAD_SECONDS=${LOAD_SECONDS:-55}
base="http://127.0.0.1:$PORT_A"
db=heavylegs_fault
work="$OUT_DIR/faults"; rm -rf "$work"; mkdir -p "$work"

cleanup() {
  [ -n "${writer_pid:-}" ] && kill "$writer_pid" 2>/dev/null
  [ -n "${prober_pid:-}" ] && kill "$prober_pid" 2>/dev/null
  stop_app "${APP_PID:-}"
  throwaway_pg_destroy "$PG_DIR"
}
trap cleanup EXIT

ensure_package
throwaway_pg_destroy "$PG_DIR"
throwaway_pg_init "$PG_DIR" "$PGPORT_BENCH"
psql_bench -c "CREATE DATABASE $db"
start_app "$PORT_A" "$db" "$work/app.log"
wait_ready "$PORT_A" 180 >/dev/null || { tail -30 "$work/app.log"; exit 1; }

email="fault-$$@example.org" jar="$work/cookies.txt"
[ "$(register_user "$base" "$email" "$BENCH_PASSWORD")" = 303 ]
login "$base" "$email" "$BENCH_PASSWORD" "$jar"
token=$(curl -fsS -b "$jar" -c "$jar" "$base/journal/new" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 \
  | sed 's/.*value="//; s/"$//')
for i in $(seq 30); do   # some history to read
  curl -sS -o /dev/null -b "$jar" --data-urlencode "csrf-token=$token" -d "date=$(date +%F)" -d severity=$((i % 11)) \
    -d symptoms=heaviness -d symptoms=cramps "$base/journal"
done

# The writer: one create after another; every 303's entry id is an acknowledged write.
writer() {
  local n=0 out
  while true; do
    n=$((n + 1))
    out=$(curl -sS -o /dev/null -m 10 -w '%{http_code} %{redirect_url} %{time_total}' -b "$jar" \
      --data-urlencode "csrf-token=$token" -d "date=$(date +%F)" -d severity=$((n % 11)) -d symptoms=tingling \
      --data-urlencode "notes=fault drill write $n" "$base/journal" 2>/dev/null || echo "000 - 0")
    echo "$(now_ms) $out" >>"$work/writes.txt"
    sleep 0.1
  done
}
# The prober: every 0.5 s, a signed-in page and the readiness check.
prober() {
  while true; do
    local page ready
    page=$(curl -sS -o /dev/null -m 15 -w '%{http_code} %{time_total}' -b "$jar" "$base/journal" 2>/dev/null || echo "000 15")
    ready=$(curl -sS -o /dev/null -m 15 -w '%{http_code}' "$base/q/health/ready" 2>/dev/null || echo 000)
    echo "$(now_ms) $page $ready" >>"$work/probes.txt"
    sleep 0.5
  done
}

echo "== Steady load for ${LOAD_SECONDS}s (journal reads, 8 connections); PostgreSQL stops at 10 s for ${OUTAGE_SECONDS}s"
BENCH_COOKIE=$(cookie_header "$jar") BENCH_CSRF=$token BENCH_MIX=journal \
  wrk -t2 -c8 -d"${LOAD_SECONDS}s" --timeout 5s -s "$BENCH_DIR/mix.lua" "$base" >"$work/wrk.txt" 2>&1 &
wrk_pid=$!
writer & writer_pid=$!
prober & prober_pid=$!
sleep 10
stopped_at=$(now_ms)
throwaway_pg_stop "$PG_DIR"
echo "   PostgreSQL stopped"
sleep "$OUTAGE_SECONDS"
throwaway_pg_start "$PG_DIR" "$PGPORT_BENCH"
started_at=$(now_ms)
echo "   PostgreSQL started again after $(( (started_at - stopped_at) / 1000 ))s"
wait "$wrk_pid" || true
kill "$writer_pid" "$prober_pid" 2>/dev/null; wait "$writer_pid" "$prober_pid" 2>/dev/null || true
writer_pid= prober_pid=
sleep 1

# Verdicts
fail=0
verdict() { if [ "$1" = 0 ]; then echo "PASS  $2"; else echo "FAIL  $2"; fail=1; fi; }

read -r outage_probes outage_503 outage_other outage_max < <(awk -v a="$stopped_at" -v b="$started_at" \
  '$1 >= a && $1 <= b { n++; if ($2 == 503) s++; else if ($2 != 200) o++; if ($3 > m) m = $3 }
   END { printf "%d %d %d %.2f\n", n, s, o, m }' "$work/probes.txt")
verdict "$([ "$outage_503" -gt 0 ] && [ "$outage_other" = 0 ] && awk -v m="$outage_max" 'BEGIN{exit !(m <= 5)}'; echo $?)" \
  "during the outage: $outage_503 of $outage_probes signed-in probes answered 503, $outage_other other failures, slowest ${outage_max}s (limit 5 s)"

ready_down=$(awk -v a="$stopped_at" -v b="$started_at" '$1 >= a && $1 <= b && $4 != 200' "$work/probes.txt" | wc -l)
ready_back=$(tail -3 "$work/probes.txt" | awk '$4 == 200' | wc -l)
verdict "$([ "$ready_down" -gt 0 ] && [ "$ready_back" = 3 ]; echo $?)" \
  "/q/health/ready: down in $ready_down probes during the outage, up again at the end"

# Recovery: from the restart to the first probe after which every probe succeeds.
recovered_at=$(awk -v b="$started_at" '$1 >= b { if ($2 == 200) { if (!r) r = $1 } else r = 0 } END { print r + 0 }' "$work/probes.txt")
if [ "$recovered_at" -gt 0 ]; then recovery_ms=$(( recovered_at - started_at )); else recovery_ms=999999; fi
verdict "$([ "$recovery_ms" -le 30000 ]; echo $?)" "recovered ${recovery_ms} ms after PostgreSQL was back (limit 30 s)"

status_line=$(grep '^STATUS ' "$work/wrk.txt" || echo "STATUS missing")
other5xx=$(echo "$status_line" | sed -n 's/.*other5xx=\([0-9]*\).*/\1/p'); other5xx=${other5xx:-1}
timeouts=$(echo "$status_line" | sed -n 's/.*timeouts=\([0-9]*\).*/\1/p'); timeouts=${timeouts:-1}
verdict "$([ "$other5xx" = 0 ] && [ "$timeouts" = 0 ]; echo $?)" \
  "load: no 5xx but 503 and no request over 5 s (${status_line#STATUS })"

acknowledged=$(awk '$2 == 303 { sub(".*/journal/", "", $3); print $3 }' "$work/writes.txt")
acked_count=$(echo "$acknowledged" | grep -c . || true)
writes_total=$(wc -l <"$work/writes.txt")
writes_503=$(awk '$2 == 503' "$work/writes.txt" | wc -l)
writes_other=$(awk '$2 != 303 && $2 != 503' "$work/writes.txt" | wc -l)
if [ "$acked_count" -gt 0 ]; then
  missing=$(psql_bench -d "$db" -c "SELECT count(*) FROM unnest('{$(echo "$acknowledged" | paste -sd,)}'::bigint[]) AS a(id)
    WHERE NOT EXISTS (SELECT 1 FROM journal_entry e WHERE e.id = a.id)")
else
  missing=unknown
fi
verdict "$([ "$missing" = 0 ] && [ "$writes_other" = 0 ]; echo $?)" \
  "writes: $writes_total sent, $acked_count answered 303, all of them stored: missing $missing; $writes_503 answered 503, $writes_other other"

echo "Probe timeline: $work/probes.txt (ms, page status, page seconds, ready status); writes: $work/writes.txt"
exit "$fail"
