#!/usr/bin/env bash
# Start-up with and without the agent (docs/performance.md, "Start-up"): a hello-world program, and the
# sample service until it prints that it listens, with the JDK's default class-data sharing archive and with
# an AppCDS archive of the service (made here once per JDK), each with and without -javaagent (no patch).
# Whole-process runs, the configurations taken in turn (StartupBench). Run from bench/ after
# `mvn -B -q package -DskipTests -pl bench,samples -am` at the top. ROUNDS (default 10), JDKS.
set -euo pipefail
cd "$(dirname "$0")"
rounds=${ROUNDS:-10}
agent=${AGENT:-../agent/target/jlivepatch.jar}
app=../samples/target/sample-app.jar
hello="-cp target/classes dev.jlivepatch.bench.startup.Hello"
for jdk in ${JDKS:-/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64}; do
  java=$jdk/bin/java
  v=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
  jsa=target/startup-sample-$v.jsa
  if [ ! -f "$jsa" ]; then
    log=$(mktemp)
    "$java" -XX:ArchiveClassesAtExit="$jsa" -jar "$app" > "$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 300); do grep -q 'listening on' "$log" && break; sleep 0.1; done
    kill -TERM "$pid"; wait "$pid" || true
    [ -f "$jsa" ] || { echo "no AppCDS archive made on JDK $v:"; cat "$log"; exit 1; }
  fi
  echo "JDK $v ($("$java" -version 2>&1 | sed -n 2p)), $rounds rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$java" -cp target/benchmarks.jar dev.jlivepatch.bench.startup.StartupBench "$rounds" \
    "hello=$java $hello" "hello+agent=$java -javaagent:$agent $hello"
  "$java" -cp target/benchmarks.jar dev.jlivepatch.bench.startup.StartupBench "$rounds" --ready '.*listening on.*' \
    "service=$java -jar $app" "service+agent=$java -javaagent:$agent -jar $app" \
    "service-appcds=$java -XX:SharedArchiveFile=$jsa -jar $app" \
    "service-appcds+agent=$java -XX:SharedArchiveFile=$jsa -javaagent:$agent -jar $app"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
