#!/usr/bin/env bash
# Throughput and latency of the packaged app on the seeded bench database (bench/seed.sh, run first if the
# databases are missing), then the flat-cost check (journal p50 at 1 M rows versus 10 k rows).
# Prints one table; the raw wrk output is kept in $OUT_DIR. Bounded: about 5 minutes, 10 at most.
# Usage: bench/run.sh    (DURATION=20 CONNECTIONS=32 by default; DURATION=3 for a quick try)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
base="http://127.0.0.1:$PORT_A"
trap 'stop_app "${APP_PID:-}"' EXIT

ensure_postgres
ensure_package
for db in "$BENCH_DB" "$BENCH_DB_SMALL"; do
  if [ "$(psql_bench -c "SELECT count(*) FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    "$BENCH_DIR/seed.sh" both
    break
  fi
done

today=$(date +%F)
year_ago=$(date -d "$today - 364 days" +%F)
three_years_ago=$(date -d "$today - 3 years" +%F)

# start_and_login DB: the app on DB, the benchmark user's session cookie in $cookie; sets startup_ms.
start_and_login() {
  start_app "$PORT_A" "$1" "$OUT_DIR/app-$1.log"
  startup_ms=$(wait_ready "$PORT_A" 180) || { tail -30 "$OUT_DIR/app-$1.log"; exit 1; }
  local jar="$OUT_DIR/cookies-$1.txt"; rm -f "$jar"
  login "$base" "$BENCH_EMAIL" "$BENCH_PASSWORD" "$jar"
  cookie=$(cookie_header "$jar")
}

start_and_login "$BENCH_DB"
entries=$(psql_bench -d "$BENCH_DB" -c "SELECT count(*) FROM journal_entry")
results=()
measure() { results+=("$(run_wrk "$1" "$base$2" "$DURATION" "$CONNECTIONS" "${3:-}")"); echo "   ${results[-1]}"; }
echo "== Measuring $DURATION s per endpoint at $CONNECTIONS connections ($entries entries in the table)"
measure baseline "/favicon.svg"
measure article "/articles/iron-deficiency"
measure search "/articles?q=tingling"
measure journal "/journal" "$cookie"
measure journal-deep "/journal?page=50" "$cookie"
measure report-90d "/report" "$cookie"
measure insights-90d "/insights" "$cookie"
measure insights-3y "/insights?from=$three_years_ago&to=$today" "$cookie"
# One PDF at a time first (its latency is the target), then 32 at once (they queue for their turn, and those
# without a turn within heavylegs.report.pdf-wait are answered 503: counted as errors here).
results+=("$(run_wrk report-pdf-1conn "$base/report.pdf?from=$year_ago&to=$today" "$DURATION" 1 "$cookie")")
echo "   ${results[-1]}"
measure report-pdf "/report.pdf?from=$year_ago&to=$today" "$cookie"
rss_after=$(rss_mb "$APP_PID")
startup_big=$startup_ms
pdf_entries=$(psql_bench -d "$BENCH_DB" -c "SELECT count(*) FROM journal_entry e JOIN app_user u ON u.id = e.owner_id
  WHERE u.email = '$BENCH_EMAIL' AND e.entry_date BETWEEN '$year_ago' AND '$today'")
stop_app "$APP_PID"

# Flat cost: the same /journal on both databases, each in a fresh app warmed up on /journal alone, so that the
# JIT's state is the same on both sides (the app above has also compiled the article, search and PDF paths).
echo "== Flat cost: /journal on $BENCH_DB and on $BENCH_DB_SMALL, each in a fresh app"
start_and_login "$BENCH_DB"
big=$(run_wrk journal-flat-big "$base/journal" "$DURATION" "$CONNECTIONS" "$cookie")
echo "   $big"
stop_app "$APP_PID"
start_and_login "$BENCH_DB_SMALL"
small_entries=$(psql_bench -d "$BENCH_DB_SMALL" -c "SELECT count(*) FROM journal_entry")
small=$(run_wrk journal-flat-small "$base/journal" "$DURATION" "$CONNECTIONS" "$cookie")
echo "   $small"
stop_app "$APP_PID"; APP_PID=

baseline_rps=$(echo "${results[0]}" | awk '{print $2}')
{
  echo
  echo "HeavyLegs bench — $(date -u '+%F %H:%M UTC'), commit $(git -C "$REPO_DIR" rev-parse --short HEAD)," \
       "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s after a ${WARMUP_SECONDS:-10} s warm-up; JVM: $JAVA_OPTS_BENCH $APP_OPTS_BENCH"
  echo
  printf '| %-44s | %9s | %8s | %8s | %6s | %11s |\n' endpoint "req/s" "p50 ms" "p99 ms" errors "vs baseline"
  printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-----------" "----------" "----------" "--------" "-------------"
  labels=("static /favicon.svg (baseline)" "/articles/iron-deficiency" "/articles?q=tingling" "/journal"
          "/journal?page=50" "/report (90 days)" "/insights (90 days)" "/insights (3 years)" "/report.pdf (365 days, $pdf_entries entries), 1 conn."
          "/report.pdf, 32 connections")
  for i in "${!results[@]}"; do
    read -r _ rps p50 p99 errors _ <<<"${results[$i]}"
    printf '| %-44s | %9.0f | %8.2f | %8.2f | %6d | %10.0f%% |\n' "${labels[$i]}" "$rps" "$p50" "$p99" "$errors" \
      "$(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN { print (b > 0 ? 100 * a / b : 0) }')"
  done
  echo
  read -r _ big_rps big_p50 big_p99 big_errors _ <<<"$big"
  read -r _ small_rps small_p50 small_p99 small_errors _ <<<"$small"
  echo "Flat cost: /journal p50 ${big_p50} ms with $entries entries (${big_rps} req/s, p99 ${big_p99} ms," \
       "$big_errors errors), ${small_p50} ms with $small_entries (${small_rps} req/s, p99 ${small_p99} ms," \
       "$small_errors errors): ratio" \
       "$(awk -v a="$big_p50" -v b="$small_p50" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }') (target <= 1.2)"
  echo "Start-up to /q/health/ready: ${startup_big} ms; RSS after the load: ${rss_after} MB"
} | tee "$OUT_DIR/run-table.md"
