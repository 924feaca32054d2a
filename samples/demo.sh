#!/usr/bin/env bash
# The jlivepatch demo: a service with a Log4Shell-style bug, run without and
# then with the fix applied at startup by the agent. Builds what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f agent/target/jlivepatch.jar ] || [ ! -f samples/target/sample-fix.jar ]; then
  echo "== building jlivepatch (mvn -q -B package -DskipTests)"
  mvn -q -B package -DskipTests
fi
app=samples/target/sample-app.jar
fix=samples/target/sample-fix.jar
echo
echo "== 1. the service as shipped: a user named \${sys:db.password} reads a secret"
java -jar "$app"
echo
echo "== 2. the same service started with the fix: java -javaagent:agent/target/jlivepatch.jar=patch=$fix -jar $app"
java -javaagent:agent/target/jlivepatch.jar=patch="$fix" -jar "$app" 2>&1 | grep -v '^OpenJDK 64-Bit Server VM warning: Sharing'
