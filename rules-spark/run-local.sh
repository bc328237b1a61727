#!/usr/bin/env bash
# Runs the Spark job (io.shebao.spark.ShebaoSparkJob) on local[N] in one JVM, with the Spark jars from the
# local Maven repository: for measuring on one machine without a cluster or spark-submit.
#
#   rules-spark/run-local.sh batch --in population.csv --out results --errors errors
#   THREADS=2 HEAP=6g rules-spark/run-local.sh whatif --scenario s.yaml --population p.csv --out whatif
#
# Prints the load average before and after, the wall time and (with /usr/bin/time) the CPU time and max RSS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ ! -f rules-spark/target/classpath.txt ] || [ ! -d rules-spark/target/classes ]; then
  mvn -B -o -q -pl rules-spark -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
fi
cp="rules-spark/target/classes:$(cat rules-spark/target/classpath.txt)"
opens=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' rules-spark/pom.xml)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start=$(date +%s.%N)
status=0
timer=()
# CPU seconds as well as wall: on a shared machine the rate per CPU-second says more than the wall time
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f "cpu: %U s user, %S s sys, max RSS %M KB")
# shellcheck disable=SC2086
"${timer[@]}" java $opens -Xmx"${HEAP:-6g}" -Dspark.master="local[${THREADS:-2}]" -Dspark.ui.enabled=false \
  -Dlog4j2.configurationFile="$root/rules-spark/src/test/resources/log4j2.properties" \
  -cp "$cp" io.shebao.spark.ShebaoSparkJob "$@" || status=$?
end=$(date +%s.%N)
echo "wall: $(echo "$end - $start" | bc) s, exit $status" >&2
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit $status
