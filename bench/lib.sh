# Shared helpers for the bench scripts: PostgreSQL, starting and stopping the packaged app, logging in, wrk.
# Sourced, not run. Everything talks to 127.0.0.1 only.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
OUT_DIR=${OUT_DIR:-/tmp/heavylegs-bench}
mkdir -p "$OUT_DIR"

PGHOST_BENCH=${PGHOST_BENCH:-127.0.0.1}
PGPORT_BENCH=${PGPORT_BENCH:-5432}
BENCH_DB=${BENCH_DB:-heavylegs_bench}              # about a million entries
BENCH_DB_SMALL=${BENCH_DB_SMALL:-heavylegs_bench_small}  # about ten thousand, same benchmark-user history
BENCH_EMAIL=${BENCH_EMAIL:-bench@example.org}
BENCH_PASSWORD=${BENCH_PASSWORD:-bench passphrase, long enough}
PORT_A=${PORT_A:-8098}
PORT_B=${PORT_B:-8099}
APP_JAR=${APP_JAR:-$REPO_DIR/target/quarkus-app/quarkus-run.jar}

# The documented JVM flags (see README.md, "JVM flags"). Serial GC: one core's worth of collector on a 2-core
# machine, and the smallest footprint; a fixed, modest heap so RSS stays bounded; native memory the JIT and the
# libraries freed is handed back to the system every 5 s instead of staying in malloc's free lists.
JAVA_OPTS_BENCH=${JAVA_OPTS_BENCH:--Xms96m -Xmx96m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError}
# glibc gives every thread that allocates its own 64 MB malloc arena by default; two are plenty for this app.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# The app's own knobs for the bench: pool size (the default is 20).
APP_OPTS_BENCH=${APP_OPTS_BENCH:--Dquarkus.datasource.jdbc.max-size=16}

# One pair of keys per shell: every instance started from it shares them, as a cluster would.
export HEAVYLEGS_SESSION_KEY=${HEAVYLEGS_SESSION_KEY:-$(openssl rand -base64 48)}
export HEAVYLEGS_CSRF_KEY=${HEAVYLEGS_CSRF_KEY:-$(openssl rand -base64 48)}

psql_bench() { psql -h "$PGHOST_BENCH" -p "$PGPORT_BENCH" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

ensure_postgres() {
  if ! pg_isready -h "$PGHOST_BENCH" -p "$PGPORT_BENCH" -q; then
    echo "PostgreSQL on $PGHOST_BENCH:$PGPORT_BENCH is not answering" >&2
    return 1
  fi
}

ensure_package() {
  if [ ! -f "$APP_JAR" ] || [ -n "${REBUILD:-}" ]; then
    echo "Building the packaged app (./mvnw -B -q -DskipTests package)..."
    (cd "$REPO_DIR" && ./mvnw -B -q -DskipTests package)
  fi
}

now_ms() { date +%s%3N; }

# start_app PORT DB LOG [extra -D options...]: starts the packaged app in its own process group against
# DB on the bench PostgreSQL; sets APP_PID and APP_STARTED_MS.
start_app() {
  local port=$1 db=$2 log=$3; shift 3
  local pidfile; pidfile=$(mktemp)
  APP_STARTED_MS=$(now_ms)
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST_BENCH:$PGPORT_BENCH/$db" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
  HEAVYLEGS_EMBEDDED_POSTGRES_ENABLED=false QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" \
    java $JAVA_OPTS_BENCH $APP_OPTS_BENCH "-Dheavylegs.data-dir=$OUT_DIR/data-$port" "$@" \
    -jar "$APP_JAR" >"$log" 2>&1 &
  for _ in $(seq 50); do [ -s "$pidfile" ] && break; sleep 0.1; done
  APP_PID=$(cat "$pidfile"); rm -f "$pidfile"
}

# wait_ready PORT SECONDS [PID]: waits for /q/health/ready of the app started last (or PID); prints the
# milliseconds since start_app.
wait_ready() {
  local port=$1 seconds=$2 pid=${3:-$APP_PID} deadline=$(( $(now_ms) + $2 * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "The app on port $port exited during start-up" >&2; return 1; fi
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
      echo $(( $(now_ms) - APP_STARTED_MS )); return 0
    fi
    sleep 0.05
  done
  echo "No readiness on port $port after ${seconds}s" >&2
  return 1
}

# stop_app PID: TERM to the process group, KILL after 30 s.
stop_app() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  for _ in $(seq 300); do kill -0 -- "-$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

rss_mb() { echo $(( $(ps -o rss= -p "$1" | tr -d ' ') / 1024 )); }

# cpu_ticks PID...: user + system CPU time of the processes (all their threads), in clock ticks (1/100 s). CPU
# time per request is the figure that survives a busy machine: waiting for a core costs wall time, not CPU.
cpu_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat") )); done; echo "$t"; }
# jit_ticks PID: CPU time of the JVM's JIT compiler threads, in clock ticks.
jit_ticks() {
  local t=0 task
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ CompilerThre*|C2\ CompilerThre*) t=$(( t + $(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0) )) ;;
    esac
  done
  echo "$t"
}
# backend_pids DB: the PostgreSQL backends serving DB (the app's pool), for their CPU time.
backend_pids() { psql_bench -c "SELECT pid FROM pg_stat_activity WHERE datname = '${1:-$BENCH_DB}'"; }
load_average() { cut -d' ' -f1 /proc/loadavg; }

# csrf_token BASE JAR: a CSRF token from the register form; the matching cookie lands in JAR.
csrf_token() {
  curl -fsS -c "$2" -b "$2" "$1/register" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 \
    | sed 's/.*value="//; s/"$//'
}

register_user() {
  local base=$1 email=$2 password=$3 jar; jar=$(mktemp)
  local token; token=$(csrf_token "$base" "$jar")
  curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "csrf-token=$token" \
    --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "confirmPassword=$password" "$base/register"
  rm -f "$jar"
}

# login BASE EMAIL PASSWORD JAR: form login; the session cookie lands in JAR.
login() {
  local base=$1 email=$2 password=$3 jar=$4 location
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "j_username=$email" --data-urlencode "j_password=$password" "$base/j_security_check")
  case "$location" in */journal) return 0 ;; *) echo "login as $email redirected to '$location'" >&2; return 1 ;; esac
}

# cookie_header JAR: the jar's cookies as one Cookie header value.
cookie_header() {
  awk -F'\t' 'NF >= 7 && $6 != "" { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", sep, $6, $7; sep="; " }' "$1"
}

# run_wrk NAME URL SECONDS CONNECTIONS [COOKIE]: a short warm-up, then the measured run with stats.lua;
# prints "NAME rps p50_ms p99_ms errors requests".
run_wrk() {
  local name=$1 url=$2 seconds=$3 connections=$4 cookie=${5:-}
  local args=(-t"$(( connections < 2 ? connections : 2 ))" -c"$connections" -s "$BENCH_DIR/stats.lua" --timeout 10s)
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  [ "${WARMUP_SECONDS:-10}" = 0 ] || wrk "${args[@]}" -d"${WARMUP_SECONDS:-10}s" "$url" >/dev/null 2>&1 || true
  wrk "${args[@]}" -d"${seconds}s" "$url" >"$OUT_DIR/wrk-$name.txt" 2>&1 || true
  local result; result=$(grep '^RESULT ' "$OUT_DIR/wrk-$name.txt" | tail -1)
  [ -n "$result" ] || { echo "$name 0 0 0 1 0"; return; }
  echo "$name ${result#RESULT }"
}

# A throwaway PostgreSQL cluster for the fault drill, owned by the postgres user, in a temp folder on its own
# port: stopping it disturbs nobody else on the machine.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin}
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

# throwaway_pg_init DIR PORT
throwaway_pg_init() {
  local dir=$1 port=$2
  mkdir -p "$dir"; chown postgres "$dir"
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >"$dir/initdb.log" 2>&1
  throwaway_pg_start "$dir" "$port"
}
throwaway_pg_start() {
  as_postgres "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -t 30 \
    -o "-p $2 -k $1 -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=on" start >/dev/null
}
# throwaway_pg_stop DIR: a fast shutdown, as a restart of the server would do (sessions are terminated).
throwaway_pg_stop() { as_postgres "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w -t 30 stop >/dev/null; }
throwaway_pg_destroy() {
  as_postgres "$PG_BIN/pg_ctl" -D "$1/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$1"
}

# warm_up BASE COOKIE PATH...: the paths in turn at 32 connections, in 10 s rounds, for at least WARMUP_TOTAL
# seconds (60) and then until the JIT is quiet (its compiler threads used under 2 % of the app's CPU in a round)
# or WARMUP_MAX seconds (180) have passed. A page measured while C2 still compiles pays for the compiler too
# (19 % of the app's CPU in issue 21's profile, 30 s after start). Prints one line per round.
warm_up() {
  local base=$1 cookie=$2; shift 2
  local paths="$*"
  local args=(-t2 -c32 -d10s --timeout 10s -s "$BENCH_DIR/rotate.lua")
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  local elapsed=0 app0 jit0 app jit
  while [ "$elapsed" -lt "${WARMUP_MAX:-180}" ]; do
    app0=$(cpu_ticks "$APP_PID"); jit0=$(jit_ticks "$APP_PID")
    BENCH_PATHS=$paths wrk "${args[@]}" "$base/" >"$OUT_DIR/wrk-warmup.txt" 2>&1 || true
    app=$(( $(cpu_ticks "$APP_PID") - app0 )); jit=$(( $(jit_ticks "$APP_PID") - jit0 ))
    elapsed=$(( elapsed + 10 ))
    printf '   warm-up %3d s: %s req/s, the JIT %d%% of the app CPU (%d of %d ticks), load average %s\n' "$elapsed" \
      "$(awk '/^RESULT/ { printf "%.0f", $2 }' "$OUT_DIR/wrk-warmup.txt")" \
      "$(( app > 0 ? 100 * jit / app : 0 ))" "$jit" "$app" "$(load_average)"
    if [ "$elapsed" -ge "${WARMUP_TOTAL:-60}" ] && [ $(( 100 * jit )) -lt $(( 2 * (app > 0 ? app : 1) )) ]; then
      return 0
    fi
  done
}

# new_share DB DAYS: a working /shared link of the benchmark user for the last DAYS days, valid for a day, made as
# ShareService makes one (256 random bits, URL-safe Base64, only the SHA-256 hex stored); prints the token.
new_share() {
  local db=$1 days=$2 token hash
  token=$(openssl rand 32 | basenc --base64url | tr -d '=\n')
  hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
  psql_bench -d "$db" -c "INSERT INTO report_share (owner_id, token_hash, range_from, range_to, expires_at)
    SELECT id, '$hash', current_date - $(( days - 1 )), current_date, now() + interval '1 day'
    FROM app_user WHERE email = '$BENCH_EMAIL'" >/dev/null
  echo "$token"
}
