#!/usr/bin/env bash
# Two app processes on two ports, one PostgreSQL and one pair of keys (HEAVYLEGS_SESSION_KEY,
# HEAVYLEGS_CSRF_KEY): a login on one is valid on the other, an entry written through one is visible through
# the other, and a logout on one ends the session on both. Uses the small bench database. Bounded: ~1 minute.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

a="http://127.0.0.1:$PORT_A" b="http://127.0.0.1:$PORT_B"
pid_a= pid_b=
trap 'stop_app "$pid_a"; stop_app "$pid_b"' EXIT

ensure_postgres
ensure_package
db=$BENCH_DB_SMALL
[ "$(psql_bench -c "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = 1 ] || "$BENCH_DIR/seed.sh" small

start_app "$PORT_A" "$db" "$OUT_DIR/app-two-a.log"; pid_a=$APP_PID
start_app "$PORT_B" "$db" "$OUT_DIR/app-two-b.log"; pid_b=$APP_PID
wait_ready "$PORT_A" 180 "$pid_a" >/dev/null && wait_ready "$PORT_B" 180 "$pid_b" >/dev/null

fail=0
check() { if eval "$2"; then echo "PASS  $1"; else echo "FAIL  $1"; fail=1; fi; }

email="two-$$@example.org" jar="$OUT_DIR/cookies-two.txt"; rm -f "$jar"
check "registered on $PORT_A" '[ "$(register_user "$a" "$email" "$BENCH_PASSWORD")" = 303 ]'
check "logged in on $PORT_A" 'login "$a" "$email" "$BENCH_PASSWORD" "$jar"'
check "the session cookie from $PORT_A opens /account on $PORT_B" \
  'curl -fsS -b "$jar" "$b/account" | grep -q "$email"'

# A CSRF token issued by A, posted to B: the keys are shared, so B accepts it.
token=$(curl -fsS -b "$jar" -c "$jar" "$a/journal/new" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 \
  | sed 's/.*value="//; s/"$//')
note="written through $PORT_B at $(date +%s%N)"
location=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" --data-urlencode "csrf-token=$token" \
  -d "date=$(date +%F)" -d severity=6 -d symptoms=heaviness -d symptoms=cramps --data-urlencode "notes=$note" "$b/journal")
check "an entry created through $PORT_B with a form from $PORT_A is answered 303 ($location)" \
  '[ "${location%% *}" = 303 ]'
path=/${location#*://*/}
check "the entry ($path) is visible through $PORT_A" 'curl -fsS -b "$jar" "$a$path" | grep -q "$note"'
check "and in the journal list on $PORT_A" 'curl -fsS -b "$jar" "$a/journal" | grep -q "$path"'

token=$(curl -fsS -b "$jar" -c "$jar" "$b/account" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 \
  | sed 's/.*value="//; s/"$//')
curl -sS -o /dev/null -b "$jar" --data-urlencode "csrf-token=$token" "$b/logout"
check "after a logout on $PORT_B, the old cookie is refused on $PORT_A" \
  '[ "$(curl -sS -o /dev/null -w "%{http_code}" -b "$jar" "$a/account")" = 302 ]'

[ "$fail" = 0 ] && echo "PASS  two instances" || echo "FAIL  two instances"
exit "$fail"
