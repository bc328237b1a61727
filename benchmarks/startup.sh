#!/usr/bin/env bash
# Start-up of the one-question commands (issue 13, target 4): hyperfine over java -jar, the C1-only JVM,
# the C1 JVM with the launcher's class-data-sharing archive, the ./shebao launcher without the resident
# process (SHEBAO_DAEMON=off: every question in its own JVM), the first question (which also starts the resident
# process), and the questions after it (answered by the resident process).
# Needs: mvn -B package (rules-cli/target/shebao.jar), hyperfine (apt-get install -y hyperfine).
#
#   benchmarks/startup.sh                  # 10 runs, 2 warm-ups
#   RUNS=5 benchmarks/startup.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar=rules-cli/target/shebao.jar
jsa=rules-cli/target/shebao.jsa
runs=${RUNS:-10}
c="contribution --region yichang --period 2023-05 --wage 3450 --risk-class 1 --format json"
r="retirement --sex female --birth 1971-04 --category female-cadre --contribution-months 300 --as-of 2025-06-01"
SHEBAO_DAEMON=off ./shebao $c > /dev/null   # writes the archive if it is missing or stale
./shebao daemon stop > /dev/null
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cds="-XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
hyperfine -N --warmup 2 --runs "$runs" --export-markdown "${OUT:-/dev/null}" \
  -n "java -jar (contribution)" "java -jar $jar $c" \
  -n "C1 only (contribution)" "java -XX:TieredStopAtLevel=1 -jar $jar $c" \
  -n "C1 + CDS archive (contribution)" "java -XX:TieredStopAtLevel=1 $cds -jar $jar $c" \
  -n "C1 + CDS + SerialGC (contribution)" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC $cds -jar $jar $c" \
  -n "./shebao contribution, SHEBAO_DAEMON=off (C1 + CDS + SerialGC)" "env SHEBAO_DAEMON=off ./shebao $c" \
  -n "java -jar (retirement)" "java -jar $jar $r" \
  -n "./shebao retirement, SHEBAO_DAEMON=off" "env SHEBAO_DAEMON=off ./shebao $r"
# the first question of a folder: answered in its own JVM while it starts the resident process
hyperfine -N --runs "$runs" --prepare "./shebao daemon stop" --export-markdown "${OUT2:-/dev/null}" \
  -n "./shebao contribution, first question (starts the resident process)" "./shebao $c"
./shebao $c > /dev/null
for _ in $(seq 1 240); do ./shebao daemon status | grep -q '^running' && break; sleep 0.5; done
./shebao daemon status
hyperfine -N --warmup 2 --runs "$runs" --export-markdown "${OUT3:-/dev/null}" \
  -n "./shebao contribution, resident process" "./shebao $c" \
  -n "./shebao retirement, resident process" "./shebao $r"
./shebao daemon stop
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
