#!/usr/bin/env bash
# What limits /journal (or PATH) throughput: a CPU profile of the app (async-profiler, every thread, native
# frames, the JIT and the GC included) during a wrk run, summarised by phase of the request and by hottest
# frame; the app's and PostgreSQL's CPU time per request; then the same run with the pool size and the
# connection count varied. Uses the big bench database. Bounded: about 4 minutes.
# Usage: bench/profile.sh [PATH] [COOKIE|-]   (default /journal, as the benchmark user; "-" for anonymous)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

path=${1:-/journal}
anonymous=${2:-}
DURATION=${DURATION:-20}
base="http://127.0.0.1:$PORT_A"
trap 'stop_app "${APP_PID:-}"' EXIT
ensure_postgres
ensure_package

# async-profiler from Maven Central (the jar carries the agent library for each platform).
AP_VERSION=4.2
ap_lib="$OUT_DIR/async-profiler-$AP_VERSION/linux-x64/libasyncProfiler.so"
if [ ! -f "$ap_lib" ]; then
  (cd "$REPO_DIR" && ./mvnw -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION" \
    -DoutputDirectory="$OUT_DIR")
  (cd "$OUT_DIR" && mkdir -p "async-profiler-$AP_VERSION" && cd "async-profiler-$AP_VERSION" \
    && unzip -q -o "../async-profiler-$AP_VERSION.jar" 'linux-x64/*')
fi

# cpu_ticks PID...: user + system CPU time of the processes, in clock ticks (1/100 s).
cpu_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat") )); done; echo "$t"; }
backend_pids() { psql_bench -c "SELECT pid FROM pg_stat_activity WHERE datname = '$BENCH_DB'"; }

run_with() {  # run_with POOL CONNECTIONS [extra java options]
  local pool=$1 connections=$2; shift 2
  APP_OPTS_BENCH="-Dquarkus.datasource.jdbc.max-size=$pool" start_app "$PORT_A" "$BENCH_DB" "$OUT_DIR/app-profile.log" "$@"
  wait_ready "$PORT_A" 180 >/dev/null
  local cookie=""
  if [ "$anonymous" != "-" ]; then
    local jar="$OUT_DIR/cookies-profile.txt"; rm -f "$jar"
    login "$base" "$BENCH_EMAIL" "$BENCH_PASSWORD" "$jar"
    cookie=$(cookie_header "$jar")
  fi
  local headers=(); [ -n "$cookie" ] && headers=(-H "Cookie: $cookie")
  wrk -t2 -c"$connections" -d"${WARMUP_SECONDS:-10}s" "${headers[@]}" "$base$path" >/dev/null 2>&1 || true
  local backends app0 pg0 wall0 result
  backends=$(backend_pids); app0=$(cpu_ticks "$APP_PID"); pg0=$(cpu_ticks $backends); wall0=$(now_ms)
  WARMUP_SECONDS=0 result=$(run_wrk "profile" "$base$path" "$DURATION" "$connections" "$cookie")
  measured_until=$(date +%s)
  local wall=$(( ($(now_ms) - wall0) / 10 )) app=$(( $(cpu_ticks "$APP_PID") - app0 )) pg=$(( $(cpu_ticks $backends) - pg0 ))
  read -r _ rps p50 p99 errors requests <<<"$result"
  printf '   pool %2d, %2d connections: %7.0f req/s, p50 %6.2f ms, p99 %7.2f ms, %d errors; CPU: app %.2f cores (%.2f ms per request), PostgreSQL backends %.2f cores (%.2f ms per request)\n' \
    "$pool" "$connections" "$rps" "$p50" "$p99" "$errors" \
    "$(awk -v a="$app" -v w="$wall" 'BEGIN{print a/w}')" "$(awk -v a="$app" -v r="$requests" 'BEGIN{print r ? a*10/r : 0}')" \
    "$(awk -v a="$pg" -v w="$wall" 'BEGIN{print a/w}')" "$(awk -v a="$pg" -v r="$requests" 'BEGIN{print r ? a*10/r : 0}')"
}

echo "== CPU profile during $DURATION s of $path at 32 connections (after a ${WARMUP_SECONDS:-10} s warm-up)"
profiles="$OUT_DIR/profile"; rm -rf "$profiles"; mkdir -p "$profiles"
# The agent writes one profile per 10 s window; the last window that ended inside the measured run is read.
run_with 16 32 "-agentpath:$ap_lib=start,event=cpu,interval=1ms,loop=10s,collapsed,file=$profiles/window-%n{100}.collapsed"
stop_app "$APP_PID"; APP_PID=
window=""
for f in $(ls -tr "$profiles"/*.collapsed); do
  [ "$(stat -c %Y "$f")" -le "$measured_until" ] && window=$f
done
[ -n "$window" ] || { echo "   no profile window ended inside the run" >&2; exit 1; }
echo "   $(basename "$window"): share of CPU samples by phase (first rule that matches a sample's stack wins):"
awk '
  BEGIN {
    n = split("GC=GCTaskThread|VM Thread|VMThread;JIT compiler=CompileBroker|C2Compiler|C1Compiler;" \
      "session check=SessionIdentityProvider;rendering (Qute)=TemplateResponseFilter|TemplateImpl;" \
      "database reads (JDBC)=org/postgresql;Hibernate=org/hibernate;resource code=io/heavylegs;" \
      "writing the response=ServerStringMessageBodyHandler|writev|do_writev;" \
      "network and event loop=epoll_wait|NioEventLoop|EpollEventLoop|SingleThreadEventExecutor;" \
      "CSRF filter=io/quarkus/csrf;REST layer=org/jboss/resteasy", rules, ";")
    for (i = 1; i <= n; i++) { split(rules[i], kv, "="); name[i] = kv[1]; pattern[i] = kv[2] }
  }
  {
    count = $NF; stack = $0; sub(/ [0-9]+$/, "", stack); total += count; phase = "other"
    for (i = 1; i <= n; i++) if (stack ~ pattern[i]) { phase = name[i]; break }
    byPhase[phase] += count
    frames = split(stack, f, ";"); top[f[frames]] += count
  }
  END {
    for (p in byPhase) printf "     %5.1f%%  %s\n", 100 * byPhase[p] / total, p | "sort -rn"
    close("sort -rn")
    print "   hottest frames:"
    for (t in top) printf "     %5.1f%%  %s\n", 100 * top[t] / total, substr(t, 1, 110) | "sort -rn | head -12"
  }' "$window"

echo "== Varying one thing at a time"
for setting in "16 8" "16 64" "4 32" "32 32"; do
  run_with $setting
  stop_app "$APP_PID"; APP_PID=
done
