# Shared by samples/demo.sh and samples/build-demo.sh (sourced, not run): the
# steps' output, the failure report, the service's start, log and stop, HTTP
# requests (curl, or samples/target/sample-client.jar where curl is missing),
# and the jlivepatch command line. The sourcing script sets -euo pipefail and
# runs from the repository's top directory.

JAVA=java
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; fi
AGENT=agent/target/jlivepatch.jar
APP=samples/target/sample-app.jar
CLIENT=samples/target/sample-client.jar

step=0
pid=
work=
seen=0
curl=
client="$CLIENT, as curl is missing"
if command -v curl >/dev/null 2>&1; then curl=yes client=curl; fi

step() { step=$((step + 1)); printf '\n== %d. %s\n' "$step" "$*"; }
say() { printf '   %s\n' "$@"; }
fail() {
  printf '\n%s FAILED at step %d: %s\n' "$DEMO" "$step" "$*" >&2
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

# A fresh work directory for the service's port file and log.
start_work() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/jlivepatch-demo.XXXXXX")
}

# Builds the agent and the samples with Maven when one of the jars is missing
# or older than a file it is built from.
build_if_needed() { # JARS...
  local stale=
  outdated() { # JAR SOURCES...
    local jar=$1
    shift
    [ ! -f "$jar" ] || [ -n "$(find pom.xml patch-api/pom.xml patch-api/src "$@" -newer "$jar" -type f -print -quit)" ]
  }
  if outdated "$AGENT" agent/pom.xml agent/src; then stale=yes; fi
  for jar in "$@"; do
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
    say "up to date: $AGENT $*"
  fi
}

# Starts the service as shipped (plain java -jar, no agent) and waits for its port file.
start_service() {
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
}

# Stops the service with SIGTERM and checks that it stopped cleanly.
stop_service() {
  say "\$ kill $pid   (SIGTERM)"
  kill "$pid"
  local stopped=0
  wait "$pid" || stopped=$?
  grep -q '^sample-service: stopped$' "$work/service.log" || fail "the service did not stop cleanly (exit $stopped)"
  pid=
  service_log
}

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
