#!/usr/bin/env bash
# How the cost of a patch grows with its size (docs/performance.md, "Patch size"): ScaleBench with patches
# of 1, 100 and 10,000 methods (over 1, 100 and 1,000 generated classes), one JVM each, on JDK 17 and 25.
# Run from bench/ after `mvn -B -q package -DskipTests -pl bench -am` at the top; appends to target/scale.csv.
set -euo pipefail
cd "$(dirname "$0")"
sizes=${SIZES:-1 100 10000}
for jdk in ${JDKS:-/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64}; do
  for n in $sizes; do
    "$jdk/bin/java" -javaagent:../agent/target/jlivepatch.jar -Djdk.attach.allowAttachSelf=true \
      -XX:+EnableDynamicAgentLoading -Xlog:safepoint:file=target/safepoints-%p.log \
      -cp target/benchmarks.jar dev.jlivepatch.bench.ScaleBench "$n" "${ROUNDS:-3}" 2>&1 | grep '^SCALE'
  done
done
