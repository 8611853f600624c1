#!/usr/bin/env bash
# Start-up to ready of the packaged app against an external PostgreSQL (issue 21, item 5), RUNS times (5) on an
# already migrated database and RUNS times on a fresh empty one, interleaved. Per run:
#   - wall time from the process start to the first 200 on /q/health/ready and on / (polled every 50 ms);
#   - the process's CPU time at that moment (/proc, every thread, exited ones included): what a busy machine
#     disturbs least, since waiting for a core costs wall time, not CPU;
#   - that CPU by thread group (main, Hibernate's boot thread, the JIT, the VM thread where the serial GC runs,
#     the rest), sampled from /proc every 100 ms;
#   - the phases from the log's timestamps: the JVM and Quarkus until Flyway's first line, Flyway, Hibernate's boot
#     (main waits for it after Flyway), the start-up observers (article sync and the jobs' start) until the
#     ready line, and the HTTP server on to the first answer;
#   - the classes loaded (jcmd, after the measurement) and the load average beside the run.
# Then the medians. Usage: bench/startup.sh [extra java options...]
#   DB (heavylegs_startup) and FRESH_DB (heavylegs_startup_fresh) are the databases; both are created if missing,
#   FRESH_DB is dropped and created before every fresh run. MODES="migrated fresh" to choose.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-5}
DB=${DB:-heavylegs_startup}
FRESH_DB=${FRESH_DB:-heavylegs_startup_fresh}
MODES=${MODES:-migrated fresh}
extra=("$@")
base="http://127.0.0.1:$PORT_A"
trap 'stop_app "${APP_PID:-}"' EXIT
ensure_postgres
ensure_package

exists() { [ "$(psql_bench -c "SELECT count(*) FROM pg_database WHERE datname = '$1'")" = 1 ]; }
exists "$DB" || psql_bench -c "CREATE DATABASE $DB"

# thread_sampler PID FILE: "tid name ticks" of every thread every 100 ms (one awk per round: the sampler must not
# load the machine it measures); the latest value per thread is what counts.
thread_sampler() {
  local pid=$1 file=$2
  while kill -0 "$pid" 2>/dev/null; do
    awk 'BEGIN { for (k = 1; k < ARGC; k++) if ((getline s < ARGV[k]) > 0) {  # a thread may end meanwhile
        i = index(s, "("); j = match(s, /\) [A-Z] /); split(substr(s, j + 2), f, " "); n = split(ARGV[k], p, "/")
        print p[n - 1] "\t" substr(s, i + 1, j - i - 1) "\t" (f[12] + f[13]); close(ARGV[k]) } }' \
      /proc/"$pid"/task/*/stat >>"$file" 2>/dev/null || true
    sleep 0.1
  done
}

# log_ms LOG PATTERN [last]: the log line's timestamp in epoch ms (the first matching line, or the last).
log_ms() {
  local line
  if [ "${3:-}" = last ]; then line=$(grep -a -- "$2" "$1" | tail -1); else line=$(grep -a -m1 -- "$2" "$1"); fi
  [ -n "$line" ] || { echo 0; return; }
  date -d "$(cut -c1-23 <<<"$line" | tr , .)" +%s%3N
}

results="$OUT_DIR/startup-results.txt"; : >"$results"
printf '%-8s %3s %7s %7s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s\n' mode run ready_ms home_ms cpu_s \
  main_s jpa_s jit_s vm_s rest_s jvm_s flyway hibern observ http classes load
for run in $(seq "$RUNS"); do
  for mode in $MODES; do
    db=$DB
    if [ "$mode" = fresh ]; then
      psql_bench -c "DROP DATABASE IF EXISTS $FRESH_DB WITH (FORCE)" -c "CREATE DATABASE $FRESH_DB"
      db=$FRESH_DB
    fi
    load=$(load_average)
    log="$OUT_DIR/startup-$mode-$run.log" threads="$OUT_DIR/startup-$mode-$run.threads"; : >"$threads"
    start_app "$PORT_A" "$db" "$log" "${extra[@]}"
    thread_sampler "$APP_PID" "$threads" &
    sampler=$!
    ready=0 home=0 cpu=0
    deadline=$(( $(now_ms) + 180000 ))
    while [ "$(now_ms)" -lt "$deadline" ] && { [ "$ready" = 0 ] || [ "$home" = 0 ]; }; do
      kill -0 "$APP_PID" 2>/dev/null || { echo "The app exited during start-up" >&2; tail -30 "$log" >&2; exit 1; }
      if [ "$ready" = 0 ] && curl -fsS -m 10 -o /dev/null "$base/q/health/ready" 2>/dev/null; then
        ready=$(( $(now_ms) - APP_STARTED_MS ))
      fi
      if [ "$home" = 0 ] && curl -fsS -m 10 -o /dev/null "$base/" 2>/dev/null; then home=$(( $(now_ms) - APP_STARTED_MS )); fi
      if [ "$ready" != 0 ] && [ "$home" != 0 ]; then cpu=$(cpu_ticks "$APP_PID"); break; fi
      sleep 0.05
    done
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    [ "$ready" != 0 ] && [ "$home" != 0 ] || { echo "Not ready after 180 s" >&2; exit 1; }
    classes=$(jcmd "$APP_PID" PerfCounter.print 2>/dev/null | awk -F= '/java.cls.loadedClasses=/ { print $2 }')
    stop_app "$APP_PID"; APP_PID=
    groups=$(awk -F'\t' '{ last[$1] = $3; name[$1] = $2 }
      END { for (t in last) { n = name[t]; g = "rest";
              if (n == "java") g = "main"; else if (n ~ /^JPA Startup/) g = "jpa";
              else if (n ~ /^C[12] CompilerThre/) g = "jit"; else if (n == "VM Thread") g = "vm";
              s[g] += last[t] }
            printf "%.2f %.2f %.2f %.2f %.2f", s["main"] / 100, s["jpa"] / 100, s["jit"] / 100, s["vm"] / 100, s["rest"] / 100 }' "$threads")
    flyway_first=$(log_ms "$log" org.flywaydb) flyway_last=$(log_ms "$log" org.flywaydb last)
    hibernate=$(log_ms "$log" HHH100501) ready_line=$(log_ms "$log" 'HeavyLegs is ready')
    phases=$(awk -v t0="$APP_STARTED_MS" -v f0="$flyway_first" -v f1="$flyway_last" -v h="$hibernate" \
      -v r="$ready_line" -v home="$home" -v ready="$ready" 'BEGIN {
        first = (home > ready ? home : ready) + t0;
        printf "%.2f %.2f %.2f %.2f %.2f", (f0 - t0) / 1000, (f1 - f0) / 1000, (h - f1) / 1000, (r - h) / 1000,
          (first - r) / 1000 }')
    line=$(printf '%-8s %3s %7s %7s %6.2f %s %s %6s %6s' "$mode" "$run" "$ready" "$home" "$(awk -v c="$cpu" 'BEGIN { print c / 100 }')" \
      "$groups" "$phases" "${classes:-?}" "$load")
    echo "$line" | awk '{ printf "%-8s %3s %7s %7s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17 }'
    echo "$line" >>"$results"
  done
done

echo
echo "Medians (ms to ready and to /, then seconds; the load average is the median of the runs'):"
for mode in $MODES; do
  awk -v m="$mode" '$1 == m' "$results" | awk -v m="$mode" '
    { for (i = 3; i <= NF; i++) v[i][NR] = $i; n = NR }
    END { printf "%-8s med", m;
          for (i = 3; i <= 17; i++) { k = 0; delete a; for (j = 1; j <= n; j++) a[++k] = v[i][j];
            asort(a); x = (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2; printf " %6s", x }
          printf "\n" }'
done
psql_bench -c "DROP DATABASE IF EXISTS $FRESH_DB WITH (FORCE)"
