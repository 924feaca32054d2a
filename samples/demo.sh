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

DEMO=demo
. samples/demo-common.sh
FIX=samples/target/sample-lookup-fix.jar
FIX_ID=greeting-lookup-fix
SECRET=hunter2              # the service's db.password (samples/.../SampleService.java)
NAME='${sys:db.password}'   # what the attacker types as their name

leaks() { [[ $body == *"$SECRET"* ]]; }

echo "jlivepatch demo: fix a running HTTP service without restarting it"
SECONDS=0
start_work

step "Build what is missing or out of date"
build_if_needed "$APP" "$FIX" "$CLIENT"

step "Start the service as shipped: plain java -jar, no agent, no JVM option"
start_service

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
stop_service

printf '\ndemo passed in %d s: leaked as shipped, fixed live by %s, leaked again once disabled.\n' \
  "$SECONDS" "$FIX_ID"
