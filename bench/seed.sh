#!/usr/bin/env bash
# Creates the bench databases from scratch (dropping them first), so a re-run always starts from the same data:
#   heavylegs_bench        1,000 users + the benchmark user, three years of entries each (about 1.1 M entries)
#   heavylegs_bench_small  8 users + the benchmark user (about 10 thousand entries), for the flat-cost check
# The benchmark user's history (with its treatments and lab results, seed-extras.sql) is identical in both. The schema comes from the app's own migrations, the
# benchmark user's password hash from the app's own registration, and the marks from the app's own re-marking
# job. Usage: bench/seed.sh [big|small|both]   (default both)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

which=${1:-both}
ensure_postgres
ensure_package

# mark_all DB LOG: sets the stored rules version back to 0 and lets the app's start-up re-marking job mark every
# entry, waiting for its completion line (at most MARK_TIMEOUT seconds).
mark_all() {
  local db=$1 log=$2 deadline=$(( $(date +%s) + ${MARK_TIMEOUT:-1800} ))
  if [ -z "$(psql_bench -d "$db" -c "SELECT to_regclass('marking_state')")" ]; then
    echo "   (this build stores no marks: nothing to mark)"; return 0
  fi
  psql_bench -d "$db" -c "UPDATE marking_state SET rules_version = 0, remark_version = NULL"
  start_app "$PORT_A" "$db" "$log"
  until grep -q "Re-marking for rules version [0-9]* finished" "$log"; do
    if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The re-marking job did not finish; see $log" >&2; tail -5 "$log" >&2; stop_app "$APP_PID"; exit 1
    fi
    sleep 2
  done
  stop_app "$APP_PID"
  psql_bench -d "$db" -c "VACUUM ANALYZE"  # as autovacuum would: index-only counts need the visibility map
  grep -o "Re-marking for rules version [0-9]* finished.*" "$log" | sed 's/^/   /'
  echo "   marks: $(psql_bench -d "$db" -c "SELECT count(*) FROM entry_mark") on" \
       "$(psql_bench -d "$db" -c "SELECT count(DISTINCT entry_id) FROM entry_mark") entries"
}

seed_database() {
  local db=$1 users=$2 log="$OUT_DIR/seed-$1.log" started seconds
  started=$(now_ms)
  echo "== $db: $users users + $BENCH_EMAIL"
  psql_bench -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"

  # 1. The app migrates the empty database; the benchmark user registers through the form.
  start_app "$PORT_A" "$db" "$log.migrate"
  wait_ready "$PORT_A" 180 >/dev/null || { tail -30 "$log.migrate"; stop_app "$APP_PID"; exit 1; }
  local status; status=$(register_user "http://127.0.0.1:$PORT_A" "$BENCH_EMAIL" "$BENCH_PASSWORD")
  stop_app "$APP_PID"
  [ "$status" = 303 ] || { echo "registering $BENCH_EMAIL answered $status" >&2; exit 1; }

  # 2. The history, in SQL.
  psql_bench -d "$db" -v users="$users" -v bench_email="$BENCH_EMAIL" -f "$BENCH_DIR/seed.sql" \
    | sed 's/^/   users|entries|benchmark-user entries: /'
  psql_bench -d "$db" -v bench_email="$BENCH_EMAIL" -f "$BENCH_DIR/seed-extras.sql" \
    | sed 's/^/   benchmark-user treatments|lab results: /'

  # 3. Marks by the app's own start-up job: the stored rules version is set back so that it re-marks all.
  mark_all "$db" "$log.marks"
  seconds=$(( ($(now_ms) - started) / 1000 ))
  echo "   $db ready in ${seconds}s: $(psql_bench -d "$db" -c "SELECT count(*) FROM journal_entry") entries"
}

case "$which" in
  big) seed_database "$BENCH_DB" 1000 ;;
  small) seed_database "$BENCH_DB_SMALL" 8 ;;
  both) seed_database "$BENCH_DB_SMALL" 8; seed_database "$BENCH_DB" 1000 ;;
  *) echo "usage: $0 [big|small|both]" >&2; exit 2 ;;
esac
