#!/usr/bin/env bash
# Issue 13 target 1 in one command: CPU seconds (user + sys, GNU time) of `shebao batch` against two baselines,
# on the same 1M-row mixed population, 2 threads, measured back to back, with the load average beside each figure:
#   - HandWrittenBatch: an independent plain-Java program (own CSV reader, own tables from the YAML, own writer);
#   - BaselineBatch: the hand-written arithmetic through shebao's own reader, threads and writer (issue 6).
# Before any figure is printed the results files are compared byte for byte and the rejected row numbers must match.
#   benchmarks/baseline.sh                      # 1,000,000 rows, 3 rounds, default JVM flags
#   ROWS=100000 ROUNDS=1 benchmarks/baseline.sh
#   JAVA_OPTS="-XX:TieredStopAtLevel=1" benchmarks/baseline.sh   # the same flags for all three programs
# shebao runs with the JVM flags that ./shebao gives `batch` (SHEBAO_OPTS, default below: keep it equal to the
# launcher's batch block, C1, the serial collector and the start-up archive, written here as the launcher writes
# it when missing or older than the jars; SHEBAO_CDS=off leaves the archive out); SHEBAO_OPTS= (empty) runs the
# jar with the JVM's defaults, as before branch h13i.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="${WORK:-$root/benchmarks/target/baseline}"
rows="${ROWS:-1000000}"
rounds="${ROUNDS:-3}"
read -r -a opts <<< "${JAVA_OPTS:-}"
mkdir -p "$work"
if [ ! -f rules-cli/target/shebao.jar ] || [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -o package -DskipTests -pl rules-cli,benchmarks -am
fi
jar="$root/rules-cli/target/shebao.jar"  # one spelling for the archive's training and the runs (CDS compares it)
jsa="$root/rules-cli/target/shebao.jsa"
if [ -z "${SHEBAO_OPTS+set}" ] && [ "${SHEBAO_CDS:-on}" != off ]; then
  if [ ! -f "$jsa" ] || [ -n "$(find "$jar" rules-cli/target/lib -newer "$jsa" -print -quit)" ]; then
    java -XX:ArchiveClassesAtExit="$jsa.$$.tmp" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:cds=off \
      -Xlog:cds+dynamic=off -cp "$jar" io.shebao.cli.StartupTraining >/dev/null 2>&1 && mv -f "$jsa.$$.tmp" "$jsa"
  fi
  [ -f "$jsa" ] && SHEBAO_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
read -r -a sopts <<< "${SHEBAO_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
CP="benchmarks/target/benchmarks.jar:benchmarks/target/lib/*"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "install GNU time: apt-get install -y time" >&2; exit 2; }
pop="$work/population-$rows.csv"
[ -f "$pop" ] || java -cp "$CP" io.shebao.bench.GeneratePopulation "$rows" "$pop"

# runs one program; prints "CPU_SECONDS WALL_SECONDS LOAD1"
run() {
  local name="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  "$TIME" -f "%U %S %e" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.log" || true
  tail -1 "$work/$name.time" | awk -v l="$load" '{printf "%.2f %.2f %s\n", $1 + $2, $3, l}'
}

echo "# issue 13 target 1 — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS='${JAVA_OPTS:-}', SHEBAO_OPTS='${sopts[*]}'"
echo "# $rows rows ($pop), 2 threads; CPU = user + sys of the whole process (GNU time); load = 1-min load average at the start"
printf "\n| round | shebao CPU s (wall, load) | hand-written CPU s (wall, load) | shared-I/O baseline CPU s (wall, load) | shebao / hand-written | shebao / shared-I/O |\n"
printf "|---|---|---|---|---|---|\n"
for r in $(seq "$rounds"); do
  read -r s_cpu s_wall s_load < <(run "shebao-$r" java "${opts[@]}" "${sopts[@]}" -Dorg.slf4j.simpleLogger.log.io.shebao.batch=debug \
      -jar "$jar" batch --in "$pop" \
      --out "$work/shebao.csv" --errors "$work/shebao.errors.csv" --threads 2)
  read -r h_cpu h_wall h_load < <(run "hand-$r" java "${opts[@]}" -cp "$CP" io.shebao.bench.HandWrittenBatch "$pop" \
      "$work/hand.csv" "$work/hand.errors.csv" 2)
  read -r b_cpu b_wall b_load < <(run "shared-$r" java "${opts[@]}" -cp "$CP" io.shebao.bench.BaselineBatch "$pop" \
      "$work/shared.csv" "$work/shared.errors.csv" 2)
  cmp -s "$work/shebao.csv" "$work/hand.csv" || { echo "hand-written results differ from shebao's" >&2; exit 1; }
  cmp -s "$work/shebao.csv" "$work/shared.csv" || { echo "shared-I/O baseline results differ from shebao's" >&2; exit 1; }
  cmp -s <(tail -n +2 "$work/shebao.errors.csv" | cut -d, -f1) <(tail -n +2 "$work/hand.errors.csv" | cut -d, -f1) \
    || { echo "hand-written rejects other rows than shebao" >&2; exit 1; }
  computed=$(($(wc -l < "$work/hand.csv") - 1))
  awk -v r="$r" -v s="$s_cpu" -v sw="$s_wall" -v sl="$s_load" -v h="$h_cpu" -v hw="$h_wall" -v hl="$h_load" \
      -v b="$b_cpu" -v bw="$b_wall" -v bl="$b_load" 'BEGIN {
    printf "| %d | %.2f (%.1f s, %s) | %.2f (%.1f s, %s) | %.2f (%.1f s, %s) | **%.2f** | %.2f |\n", r, s, sw, sl, h, hw, hl, b, bw, bl, s/h, s/b }'
done
echo
echo "# results identical (cmp) in every round; the hand-written program computed $computed rows and rejected the same $(($(wc -l < "$work/hand.errors.csv") - 1)) rows as shebao"
for r in $(seq "$rounds"); do  # the planner's counts (debug log of `shebao batch`; absent from builds before the count)
  grep -h 'planner:' "$work/shebao-$r.log" | sed "s/^.*planner:/# round $r, shebao planner:/" || true
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
