#!/usr/bin/env bash
# The jlivepatch demo, live: start the sample HTTP service as shipped, show
# its Log4Shell-style leak, load the fix into the running JVM with the
# jlivepatch command line, show it fixed without a restart, disable the fix,
# show the leak again, stop the service. Builds what it needs first.
#
# Every step checks what it shows: the demo exits non-zero, naming the step,
# when the bug does not leak before the fix, still leaks after it, does not
# leak again after disable, or a command fails. The service is stopped on any
# exit. Requests go through curl, or through samples/target/sample-client.jar
# where curl is missing. Uses $JAVA_HOME/bin/java when JAVA_HOME is set.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=java
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; fi
AGENT=agent/target/jlivepatch.jar
APP=samples/target/sample-app.jar
FIX=samples/target/sample-lookup-fix.jar
CLIENT=samples/target/sample-client.jar
FIX_ID=greeting-lookup-fix
SECRET=hunter2              # the service's db.password (samples/.../SampleService.java)
NAME='${sys:db.password}'   # what the attacker types as their name

step=0
pid=
work=
seen=0

step() { step=$((step + 1)); printf '\n== %d. %s\n' "$step" "$*"; }
say() { printf '   %s\n' "$@"; }
fail() {
  printf '\ndemo FAILED at step %d: %s\n' "$step" "$*" >&2
  if [ -n "$work" ] && [ -s "$work/service.log" ]; then
    printf 'the service printed:\n' >&2
    sed 's/^/   | /' "$work/service.log" >&2
  fi
  exit 1
}

# Stops the service if it still runs (SIGTERM, then SIGKILL after 10 s) and
# removes the work directory; runs on every exit, failures and Ctrl-C included.
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    echo "(stopped the sample service, pid $pid)" >&2
  fi
  if [ -n "$work" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints what the service logged since the last call (the agent logs inside
# the service), without the JDK's note about class data sharing.
service_log() {
  local total
  total=$(wc -l <"$work/service.log")
  if [ "$total" -gt "$seen" ]; then
    say "the service's log:"
    tail -n "+$((seen + 1))" "$work/service.log" | head -n "$((total - seen))" \
      | grep -v 'warning: Sharing is only supported' | sed 's/^/   | /' || true
  fi
  seen=$total
}

# GET PATH [NAME=VALUE]...: prints the response body; values are URL-encoded.
get() {
  local path=$1
  shift
  if [ -n "$curl" ]; then
    local args=()
    for p in "$@"; do args+=(--data-urlencode "$p"); done
    curl -fsS --max-time 10 -G ${args[@]+"${args[@]}"} "$base$path"
  else
    "$JAVA" -jar "$CLIENT" "$base$path" "$@"
  fi
}

# Shows one request as a person would read it and its answer; leaves the body in $body.
request() {
  local shown=$1
  shift
  say "GET $shown"
  body=$(get "$@") || fail "GET $shown failed"
  say "-> $body"
}

# Runs the jlivepatch command line with its output indented; fails the demo on a non-zero exit.
cli() {
  say "\$ java -jar $AGENT $*"
  local status=0
  "$JAVA" -jar "$AGENT" "$@" >"$work/cli.out" 2>&1 || status=$?
  sed 's/^/   > /' "$work/cli.out"
  [ "$status" -eq 0 ] || fail "'jlivepatch $1' exited with status $status"
}

leaks() { [[ $body == *"$SECRET"* ]]; }

echo "jlivepatch demo: fix a running HTTP service without restarting it"
SECONDS=0
work=$(mktemp -d "${TMPDIR:-/tmp}/jlivepatch-demo.XXXXXX")

step "Build what is missing or out of date"
# A jar is out of date when a file it is built from is newer than it.
outdated() { # JAR SOURCES...
  local jar=$1
  shift
  [ ! -f "$jar" ] || [ -n "$(find pom.xml patch-api/pom.xml patch-api/src "$@" -newer "$jar" -type f -print -quit)" ]
}
stale=
if outdated "$AGENT" agent/pom.xml agent/src; then stale=yes; fi
for jar in "$APP" "$FIX" "$CLIENT"; do
  if outdated "$jar" samples/pom.xml samples/src; then stale=yes; fi
done
if [ -n "$stale" ]; then
  say "mvn -q -B package -DskipTests -pl agent,samples -am"
  # Its output only matters when it fails (quiet Maven still prints colour codes).
  if ! mvn -q -B package -DskipTests -pl agent,samples -am >"$work/build.log" 2>&1; then
    sed 's/^/   | /' "$work/build.log"
    fail "the build failed"
  fi
else
  say "up to date: $AGENT, $APP, $FIX"
fi

curl=
client="$CLIENT, as curl is missing"
if command -v curl >/dev/null 2>&1; then curl=yes client=curl; fi

step "Start the service as shipped: plain java -jar, no agent, no JVM option"
say "\$ java -jar $APP --port-file $work/port &"
"$JAVA" -jar "$APP" --port-file "$work/port" >"$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 300); do
  [ -s "$work/port" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the service exited at startup"
  sleep 0.1
done
[ -s "$work/port" ] || fail "the service wrote no port file within 30 s"
base="http://127.0.0.1:$(cat "$work/port")"
say "pid $pid, serving $base/ (requests with $client)"
service_log

step "The bug: a user whose name is a lookup reads the database password"
request "/greet?name=alice" /greet "name=alice"
request "/greet?name=$NAME" /greet "name=$NAME"
leaks || fail "expected the response to leak '$SECRET' before the fix, got: $body"
say "LEAKED: '$SECRET' is the service's db.password"

step "Load the fix into the running service"
cli load "$pid" "$FIX"
service_log

step "The same request to the same process, not restarted"
request "/greet?name=$NAME" /greet "name=$NAME"
leaks && fail "the response still leaks '$SECRET' after the fix was loaded: $body"
[[ $body == *"$NAME"* ]] || fail "expected the name back as typed after the fix, got: $body"
say "FIXED: the name is shown as typed"
request "/" /
[[ $body == "sample-service pid $pid,"* ]] || fail "expected the answer of pid $pid, got: $body"

step "What is loaded"
cli status "$pid"
grep -q -- "$FIX_ID" "$work/cli.out" || fail "'status' does not list patch '$FIX_ID'"

step "Disable the fix: the original code runs again"
# 'disable' returns once the unpatching transition has completed, as 'load' does for patching.
cli disable "$pid" "$FIX_ID"
service_log
request "/greet?name=$NAME" /greet "name=$NAME"
leaks || fail "expected the leak back after disable, got: $body"
say "LEAKED again: the fix is off"

step "Stop the service"
say "\$ kill $pid   (SIGTERM)"
kill "$pid"
stopped=0
wait "$pid" || stopped=$?
grep -q '^sample-service: stopped$' "$work/service.log" || fail "the service did not stop cleanly (exit $stopped)"
pid=
service_log

printf '\ndemo passed in %d s: leaked as shipped, fixed live by %s, leaked again once disabled.\n' \
  "$SECONDS" "$FIX_ID"
