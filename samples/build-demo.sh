#!/usr/bin/env bash
# The jlivepatch build demo, kpatch-build style: the sample service's second
# bug (VAT is never added) is fixed in its source, and the project's build
# compiles the service twice, as shipped (sample-app.jar) and as the next
# release (sample-app-fixed.jar). One command, 'jlivepatch build', turns the
# difference into a patch jar; the script then starts the service as shipped,
# shows the bug, loads the generated patch into the running JVM, shows the
# fix, disables it, shows the bug again, and stops the service.
#
# Every step checks what it shows and the script exits non-zero, naming the
# step, when it does not. Requests go through curl, or through
# samples/target/sample-client.jar where curl is missing. Uses
# $JAVA_HOME/bin/java when JAVA_HOME is set.
set -euo pipefail
cd "$(dirname "$0")/.."

DEMO=build-demo
. samples/demo-common.sh
FIXED=samples/target/sample-app-fixed.jar
SHIPPED_SRC=samples/src/main/java/dev/jlivepatch/samples/app/Pricing.java
FIXED_SRC=samples/src/fixed/java/dev/jlivepatch/samples/app/Pricing.java
ID=price-vat-build
BUG='19.99 + 20% VAT = 19.99'
FIX='19.99 + 20% VAT = 23.99'

echo "jlivepatch build demo: from a fix in the source to a live patch, in one command"
SECONDS=0
start_work
PATCH="$work/$ID.jar"

step "Build the service twice: as shipped, and with the fix in its source"
build_if_needed "$APP" "$FIXED" "$CLIENT"
say "the fix, in the source ($SHIPPED_SRC -> $FIXED_SRC):"
if command -v diff >/dev/null 2>&1; then
  { diff -u "$SHIPPED_SRC" "$FIXED_SRC" || true; } | grep -E '^[-+] +return ' | sed 's/^/     /' \
    || fail "the two sources do not differ in the VAT computation"
else
  sed -n 's/^ *\(return netCents.*\)/     - \1/p' "$SHIPPED_SRC"
  sed -n 's/^ *\(return netCents.*\)/     + \1/p' "$FIXED_SRC"
fi

step "Make the patch: compare the two builds method by method (--explain lists each), keep what changed"
cli build --old "$APP" --new "$FIXED" --id "$ID" -o "$PATCH"
grep -q "replace   dev.jlivepatch.samples.app.Pricing.withVat(long, int)" "$work/cli.out" \
  || fail "the report does not say that Pricing.withVat is replaced"
[ "$(grep -c '^  replace' "$work/cli.out")" -eq 1 ] || fail "expected exactly one replaced method"

step "Start the service as shipped: plain java -jar, no agent, no JVM option"
start_service

step "The bug: VAT is never added"
request "/price?cents=1999&vat=20" /price cents=1999 vat=20
[[ $body == "$BUG" ]] || fail "expected '$BUG' before the patch, got: $body"
say "WRONG: 20% of 19.99 is 4.00, not 0"

step "Load the generated patch into the running service"
cli load "$pid" "$PATCH"
service_log

step "The same request to the same process, not restarted"
request "/price?cents=1999&vat=20" /price cents=1999 vat=20
[[ $body == "$FIX" ]] || fail "expected '$FIX' after the patch, got: $body"
request "/price?cents=1&vat=50" /price cents=1 vat=50
[[ $body == "0.01 + 50% VAT = 0.02" ]] || fail "expected the tax rounded half up, got: $body"
say "FIXED: as the new build computes it"
request "/" /
[[ $body == "sample-service pid $pid,"* ]] || fail "expected the answer of pid $pid, got: $body"

step "Disable the patch: the shipped code runs again"
cli disable "$pid" "$ID"
service_log
request "/price?cents=1999&vat=20" /price cents=1999 vat=20
[[ $body == "$BUG" ]] || fail "expected the bug back after disable, got: $body"
say "WRONG again: the patch is off"

step "Stop the service"
stop_service

printf '\nbuild demo passed in %d s: the fix in the source became patch %s, fixed the running service, and was disabled.\n' \
  "$SECONDS" "$ID"
