#!/usr/bin/env bash
# Where the app's CPU goes on /journal and /report (or the PATHs given): one app on the big bench database,
# warmed up until the JIT is quiet, then for each path a wrk run at 32 connections recorded by the JDK's own
# Flight Recorder (jcmd JFR.start, settings=profile: a Java stack every 10 ms per running thread, allocation
# samples). Printed per path:
#   - the app's and PostgreSQL's CPU time per request, from /proc (what a busy machine disturbs least);
#   - the app's CPU by thread group, from /proc (request workers, event loop, the JIT, the VM thread, which with the
#     serial collector is where the GC runs);
#   - the Java samples by phase of the request (Qute render, SQL, security, our own code, framework, JDK): the
#     first phase in the order of PHASES below that any frame of the sample's stack matches; the hottest frames;
#   - the heap allocated per request (JFR's allocation samples, weighted) by the same phases.
# Only the threads that serve requests (executor-thread-*, vert.x-eventloop-thread-*) count in the last two: the
# recorder's own start, class loading or a timer would otherwise be charged to the page.
# Then, with VARY=1, the same run with the pool size and the connection count varied (about 3 more minutes).
# The recordings stay in $OUT_DIR/profile/ for `jfr print` or JDK Mission Control.
# Usage: bench/profile.sh [PATH...]   (default /journal /report; ANONYMOUS=1 to read without signing in)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

paths=("$@"); [ ${#paths[@]} -gt 0 ] || paths=(/journal /report)
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
base="http://127.0.0.1:$PORT_A"
profiles="$OUT_DIR/profile"; rm -rf "$profiles"; mkdir -p "$profiles"
trap 'stop_app "${APP_PID:-}"' EXIT
ensure_postgres
ensure_package

# thread_ticks PID: "group ticks" per thread group of the process (thread names without their numbers).
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(cat "$task/comm" 2>/dev/null | sed 's/[-#]*[0-9]*$//')" \
      "$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0)"
  done | awk -F'\t' '{ t[$1] += $2 } END { for (g in t) print g "\t" t[g] }' | sort
}

start_signed_in() {  # start_signed_in POOL: the app, and the benchmark user's cookie in $cookie
  APP_OPTS_BENCH="-Dquarkus.datasource.jdbc.max-size=$1" start_app "$PORT_A" "$BENCH_DB" "$OUT_DIR/app-profile.log" \
    -XX:FlightRecorderOptions:stackdepth=128
  wait_ready "$PORT_A" 180 >/dev/null || { tail -30 "$OUT_DIR/app-profile.log"; exit 1; }
  cookie=""
  if [ -z "${ANONYMOUS:-}" ]; then
    local jar="$OUT_DIR/cookies-profile.txt"; rm -f "$jar"
    login "$base" "$BENCH_EMAIL" "$BENCH_PASSWORD" "$jar"
    cookie=$(cookie_header "$jar")
  fi
}

# measured_run NAME PATH CONNECTIONS: wrk on PATH with the CPU of the app, its threads and PostgreSQL around it;
# prints one line and leaves the request count in $requests.
measured_run() {
  local name=$1 path=$2 connections=$3 backends app0 pg0 result
  backends=$(backend_pids "$BENCH_DB"); app0=$(cpu_ticks "$APP_PID"); pg0=$(cpu_ticks $backends)
  thread_ticks "$APP_PID" >"$profiles/$name.threads-before"
  result=$(WARMUP_SECONDS=0 run_wrk "profile-$name" "$base$path" "$DURATION" "$connections" "$cookie")
  thread_ticks "$APP_PID" >"$profiles/$name.threads-after"
  local app=$(( $(cpu_ticks "$APP_PID") - app0 )) pg=$(( $(cpu_ticks $backends) - pg0 ))
  read -r _ rps p50 p99 errors requests <<<"$result"
  printf '   %s, %d connections: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors; CPU per request: app %.3f ms, PostgreSQL %.3f ms; load average %s\n' \
    "$path" "$connections" "$rps" "$p50" "$p99" "$errors" \
    "$(awk -v a="$app" -v r="$requests" 'BEGIN { print r ? a * 10 / r : 0 }')" \
    "$(awk -v a="$pg" -v r="$requests" 'BEGIN { print r ? a * 10 / r : 0 }')" "$(load_average)"
}

# The phases, as "name=regular expression over a frame" in the order they are tried on each stack: a sample
# belongs to the first phase that any frame of its stack matches (so SQL run by the session check is SQL, and
# our getters called by a template are the render).
PHASES="Qute render=^io\\.quarkus\\.qute\\.|^io\\.heavylegs\\..*_(Templates|TemplateInstance)|TemplateResponseFilter;\
SQL (JDBC driver, pool, PlainSql, Hibernate)=^org\\.postgresql\\.|^io\\.agroal\\.|^io\\.heavylegs\\.database\\.PlainSql|^org\\.hibernate\\.|^com\\.arjuna\\.|^io\\.narayana\\.;\
security (session check, form auth, CSRF, headers, cookies)=^io\\.heavylegs\\.account\\.Session|^io\\.quarkus\\.security\\.|^io\\.quarkus\\.vertx\\.http\\.runtime\\.security\\.|^io\\.quarkus\\.csrf\\.|^io\\.heavylegs\\.web\\.(CsrfGuard|SecurityHeaders|CookieRules|CrossSiteRequests|FormTokens)|^javax\\.crypto\\.|^com\\.sun\\.crypto\\.;\
our code (pages, chart, rows)=^io\\.heavylegs\\.;\
framework (REST, Vert.x, Netty, CDI)=^org\\.jboss\\.resteasy\\.|^io\\.quarkus\\.|^io\\.vertx\\.|^io\\.netty\\.|^io\\.smallrye\\.|^org\\.jboss\\.;\
JDK (with nothing above on the stack)=."

# summarise RECORDING NAME REQUESTS: the thread groups' CPU, the Java samples by phase, hottest frames, allocation.
summarise() {
  local jfr=$1 name=$2 requests=$3
  echo "   app CPU by thread group (/proc, the measured ${DURATION} s):"
  join -t$'\t' -a2 -e0 -o 0,1.2,2.2 "$profiles/$name.threads-before" "$profiles/$name.threads-after" \
    | awk -F'\t' -v r="$requests" '{ d = $3 - $2; if (d > 0) { g[$1] = d; t += d } }
        END { for (k in g) printf "     %5.1f%%  %6.3f ms/request  %s\n", 100 * g[k] / t, g[k] * 10 / r, k | "sort -rn"; close("sort -rn") }'
  jfr print --stack-depth 128 --events jdk.ExecutionSample "$jfr" >"$profiles/$name.samples.txt"
  jfr print --stack-depth 128 --events jdk.ObjectAllocationSample "$jfr" >"$profiles/$name.allocations.txt"
  local classify='
    BEGIN {
      n = split(ENVIRON["PHASES"], rules, ";")
      for (i = 1; i <= n; i++) { eq = index(rules[i], "="); name[i] = substr(rules[i], 1, eq - 1); pattern[i] = substr(rules[i], eq + 1) }
    }
    /^jdk\.(ExecutionSample|ObjectAllocationSample)/ { inStack = 0; frames = 0; weight = 1; requestThread = 0 }
    /^  (sampledThread|eventThread) = "(executor-thread|vert\.x-eventloop-thread)/ { requestThread = 1 }
    /^  weight = / { w = $3; unit = $4; gsub(/,/, "", w); weight = w * (unit ~ /^kB/ ? 1024 : unit ~ /^MB/ ? 1048576 : unit ~ /^GB/ ? 1073741824 : 1) }
    /^  stackTrace = \[/ { inStack = 1; next }
    inStack && /^  \]/ { inStack = 0; done_sample(); next }
    inStack { f = $0; sub(/^ +/, "", f); sub(/ +line:.*$/, "", f); if (f != "...") stack[++frames] = f }
    function done_sample(   i, j, phase) {
      if (frames == 0 || !requestThread) return
      total += weight; phase = name[n]
      for (i = 1; i < n; i++) { for (j = 1; j <= frames; j++) if (stack[j] ~ pattern[i]) { phase = name[i]; break } if (j <= frames) break }
      byPhase[phase] += weight; top[stack[1]] += weight
    }'
  echo "   Java samples of the request threads by phase (JFR, $(grep -c '^jdk.ExecutionSample' "$profiles/$name.samples.txt") samples of all threads):"
  PHASES=$PHASES awk "$classify"'
    END {
      for (p in byPhase) printf "     %5.1f%%  %s\n", 100 * byPhase[p] / total, p | "sort -rn"; close("sort -rn")
      print "   hottest frames:"
      for (t in top) printf "     %5.1f%%  %s\n", 100 * top[t] / total, substr(t, 1, 120) | "sort -rn | head -15"
    }' "$profiles/$name.samples.txt"
  echo "   heap allocated per request by the request threads, by phase (JFR allocation samples, weighted):"
  PHASES=$PHASES awk -v r="$requests" "$classify"'
    END {
      printf "     %8.1f KB per request in all\n", total / 1024 / r
      for (p in byPhase) printf "     %8.1f KB  %s\n", byPhase[p] / 1024 / r, p | "sort -rn"; close("sort -rn")
    }' "$profiles/$name.allocations.txt"
}

start_signed_in 16
echo "== Warm-up of ${paths[*]} until the JIT is quiet (load average $(cut -d' ' -f1-3 /proc/loadavg))"
warm_up "$base" "$cookie" "${paths[@]}"
for path in "${paths[@]}"; do
  name=$(echo "$path" | tr -c 'a-zA-Z0-9\n' '-' | sed 's/^-*//; s/-*$//'); name=${name:-root}
  echo "== $path: $DURATION s at $CONNECTIONS connections, recorded by JFR"
  WARMUP_SECONDS=0 run_wrk "profile-warm-$name" "$base$path" 5 "$CONNECTIONS" "$cookie" >/dev/null
  jcmd "$APP_PID" JFR.start name="$name" settings=profile filename="$profiles/$name.jfr" >/dev/null
  measured_run "$name" "$path" "$CONNECTIONS"
  jcmd "$APP_PID" JFR.stop name="$name" >/dev/null
  summarise "$profiles/$name.jfr" "$name" "$requests"
done
stop_app "$APP_PID"; APP_PID=

if [ -n "${VARY:-}" ]; then
  echo "== Varying one thing at a time (${paths[0]}; each a fresh app, warmed up)"
  for setting in "16 8" "16 64" "4 32" "32 32"; do
    read -r pool connections <<<"$setting"
    start_signed_in "$pool"
    WARMUP_TOTAL=${WARMUP_TOTAL:-30} warm_up "$base" "$cookie" "${paths[0]}" >/dev/null
    echo -n "   pool $pool:"; measured_run vary "${paths[0]}" "$connections"
    stop_app "$APP_PID"; APP_PID=
  done
fi
