#!/usr/bin/env bash
# Throughput, latency, CPU time per request and page size of the packaged app on the seeded bench database
# (bench/seed.sh, run first if the databases are missing), after a warm-up of every page until the JIT is quiet;
# then the flat-cost check (journal p50 at 1 M rows versus 10 k rows). Every page is also given as a ratio to the
# app's own static file (req/s and CPU per request), which a busy machine disturbs far less than req/s alone.
# Prints one table; the raw wrk output is kept in $OUT_DIR. Bounded: about 13 minutes, 20 at most.
# Usage: bench/run.sh    (DURATION=20 CONNECTIONS=32 by default;
#                         DURATION=3 WARMUP_SECONDS=1 WARMUP_TOTAL=10 WARMUP_MAX=10 for a quick try)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}   # each page alone, after the warm-up of all pages (lib.sh warm_up)
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
# A database seeded before bench/seed-extras.sql existed gets the benchmark user's treatments and lab results now.
psql_bench -d "$BENCH_DB" -v bench_email="$BENCH_EMAIL" -f "$BENCH_DIR/seed-extras.sql" >/dev/null
share=$(new_share "$BENCH_DB" 90)

# The pages measured, in order: label, path, who (user: the benchmark user's cookie; anyone: no cookie).
pages=(
  "static /favicon.svg (baseline)|/favicon.svg|anyone"
  "/articles/iron-deficiency|/articles/iron-deficiency|anyone"
  "/articles?q=tingling|/articles?q=tingling|anyone"
  "/journal|/journal|user"
  "/journal?page=50|/journal?page=50|user"
  "/report (90 days)|/report|user"
  "/report summary (90 days, entries=none)|/report?entries=none|user"
  "/insights (90 days)|/insights|user"
  "/insights (3 years)|/insights?from=$three_years_ago&to=$today|user"
  "/treatments|/treatments|user"
  "/labs|/labs|user"
  "/shared/{token} (90 days)|/shared/$share|anyone"
)
warm_paths=(); for p in "${pages[@]}"; do IFS='|' read -r _ path _ <<<"$p"; warm_paths+=("$path"); done
echo "== Warm-up: every page in turn (not the PDF), at least ${WARMUP_TOTAL:-60} s and until the JIT is quiet"
warm_up "$base" "$cookie" "${warm_paths[@]}"

results=() labels=()
# measure LABEL PATH WHO [CONNECTIONS]: a short warm-up of the page alone, its size, then the measured run with
# the app's and PostgreSQL's CPU time per request and the load average at its end.
measure() {
  local label=$1 path=$2 who=$3 connections=${4:-$CONNECTIONS} page_cookie=""
  [ "$who" = user ] && page_cookie=$cookie
  [ "$who" = worst ] && page_cookie=$worst_cookie
  local headers=(); [ -n "$page_cookie" ] && headers=(-H "Cookie: $page_cookie")
  local bytes; bytes=$(curl -sS -o /dev/null -w '%{size_download}' "${headers[@]}" "$base$path")
  local name; name=$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-' | cut -c1-40)
  [ "$WARMUP_SECONDS" = 0 ] || WARMUP_SECONDS=0 run_wrk warmup "$base$path" "$WARMUP_SECONDS" "$connections" "$page_cookie" >/dev/null
  local backends app0 pg0 result
  backends=$(backend_pids "$BENCH_DB"); app0=$(cpu_ticks "$APP_PID"); pg0=$(cpu_ticks $backends)
  result=$(WARMUP_SECONDS=0 run_wrk "$name" "$base$path" "$DURATION" "$connections" "$page_cookie")
  local app=$(( $(cpu_ticks "$APP_PID") - app0 )) pg=$(( $(cpu_ticks $backends) - pg0 ))
  read -r _ rps p50 p99 errors requests <<<"$result"
  results+=("$rps $p50 $p99 $errors $requests $(awk -v a="$app" -v n="$requests" 'BEGIN { printf "%.3f", n ? a * 10 / n : 0 }') $(awk -v a="$pg" -v n="$requests" 'BEGIN { printf "%.3f", n ? a * 10 / n : 0 }') $bytes $(load_average)")
  labels+=("$label")
  echo "   $label: ${results[-1]}"
}
echo "== Measuring $DURATION s per page at $CONNECTIONS connections ($entries entries in the table)"
for p in "${pages[@]}"; do IFS='|' read -r label path who <<<"$p"; measure "$label" "$path" "$who"; done
pdf_entries=$(psql_bench -d "$BENCH_DB" -c "SELECT count(*) FROM journal_entry e JOIN app_user u ON u.id = e.owner_id
  WHERE u.email = '$BENCH_EMAIL' AND e.entry_date BETWEEN '$year_ago' AND '$today'")
# One PDF at a time first (its latency is the target), then 32 at once (they queue for their turn, and those
# without a turn within heavylegs.report.pdf-wait are answered 503: counted as errors here).
measure "/report.pdf (365 days, $pdf_entries entries), 1 conn." "/report.pdf?from=$year_ago&to=$today" user 1
measure "/report.pdf, 32 connections" "/report.pdf?from=$year_ago&to=$today" user
# The worst case (bench/seed-extras.sql): three years of entries with 2,000-character notes, one PDF at a time.
worst_jar="$OUT_DIR/cookies-worst.txt"; rm -f "$worst_jar"
login "$base" bench-worst-case@example.org "$BENCH_PASSWORD" "$worst_jar"
worst_cookie=$(cookie_header "$worst_jar")
measure "/report.pdf, 3 years of 2,000-char notes, 1 conn." "/report.pdf?from=$three_years_ago&to=$today" worst 1
rss_after=$(rss_mb "$APP_PID")
startup_big=$startup_ms
stop_app "$APP_PID"

# Flat cost: the same /journal on both databases, each in a fresh app warmed up on /journal alone, so that the
# JIT's state is the same on both sides (the app above has also compiled the article, search and PDF paths).
echo "== Flat cost: /journal on $BENCH_DB and on $BENCH_DB_SMALL, each in a fresh app"
start_and_login "$BENCH_DB"
warm_up "$base" "$cookie" /journal
big=$(run_wrk journal-flat-big "$base/journal" "$DURATION" "$CONNECTIONS" "$cookie")
echo "   $big"
stop_app "$APP_PID"
start_and_login "$BENCH_DB_SMALL"
small_entries=$(psql_bench -d "$BENCH_DB_SMALL" -c "SELECT count(*) FROM journal_entry")
warm_up "$base" "$cookie" /journal
small=$(run_wrk journal-flat-small "$base/journal" "$DURATION" "$CONNECTIONS" "$cookie")
echo "   $small"
stop_app "$APP_PID"; APP_PID=

read -r baseline_rps _ _ _ _ baseline_cpu _ <<<"${results[0]}"
{
  echo
  echo "HeavyLegs bench — $(date -u '+%F %H:%M UTC'), commit $(git -C "$REPO_DIR" rev-parse --short HEAD)," \
       "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s after the warm-up and ${WARMUP_SECONDS:-5} s of the page alone; JVM: $JAVA_OPTS_BENCH $APP_OPTS_BENCH"
  echo "req/s and CPU per request are also given against the app's own static file: the ratios say something even on a busy machine"
  echo
  printf '| %-44s | %9s | %8s | %8s | %6s | %9s | %9s | %9s | %8s | %8s | %5s |\n' page "req/s" "p50 ms" "p99 ms" errors \
    "req/s vs static" "app CPU ms/req" "CPU vs static" "PG CPU ms/req" "KB" load
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "----------:" "---------:" "---------:" \
    "-------:" "----------:" "----------:" "----------:" "----------:" "---------:" "------:"
  for i in "${!results[@]}"; do
    read -r rps p50 p99 errors _ app_ms pg_ms bytes load <<<"${results[$i]}"
    printf '| %-44s | %9.0f | %8.2f | %8.2f | %6d | %8.1f%% | %9.3f | %8.1f× | %9.3f | %8.1f | %5s |\n' "${labels[$i]}" \
      "$rps" "$p50" "$p99" "$errors" \
      "$(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN { print (b > 0 ? 100 * a / b : 0) }')" "$app_ms" \
      "$(awk -v a="$app_ms" -v b="$baseline_cpu" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$pg_ms" \
      "$(awk -v b="$bytes" 'BEGIN { print b / 1024 }')" "$load"
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
