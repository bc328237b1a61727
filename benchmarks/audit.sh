#!/usr/bin/env bash
# Audit-trail and replay benchmarks (issue 13, targets 2 and 3). Run by hand, from anywhere:
#   benchmarks/audit.sh                     # 100k and 1M rows
#   ROWS="100000" benchmarks/audit.sh       # fewer sizes
# For each size: plain batch vs batch --audit-out (version 2, unsigned and signed), bytes per record, max RSS,
# then replay of the trail on 2 threads (records/s, max RSS). Results of batch with and without the trail are
# compared byte for byte, and the replay must find every record identical, before any figure is printed.
# CPU seconds (user + sys) are printed beside wall seconds: on a shared machine they move less.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="${WORK:-$root/benchmarks/target/audit}"
mkdir -p "$work"
if [ ! -f rules-cli/target/shebao.jar ] || [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q package -DskipTests -pl rules-cli,benchmarks -am
fi
# SHEBAO_JAR / BENCH_CP: a copy of the built jars, so that a build running meanwhile does not replace them
JAR="${SHEBAO_JAR:-rules-cli/target/shebao.jar}"
CP="${BENCH_CP:-benchmarks/target/benchmarks.jar:benchmarks/target/lib/*}"
# HEAP: the same -Xmx for every batch and replay run, so that max RSS compares sizes (flat memory: 100k vs 1M)
HEAP="${HEAP:--Xmx256m}"
SHEBAO=(java "$HEAP" -jar "$JAR")
# REPLAY_OPTS: JVM options for the replays only, e.g. REPLAY_OPTS=-XX:TieredStopAtLevel=1 as ./shebao replay uses
# for trails under 300 MB (C1 only; docs/PERFORMANCE.md "Target 3, fifth pass")
REPLAY_OPTS="${REPLAY_OPTS:-}"
ROWS="${ROWS:-100000 1000000}"
SIGNED_ROWS="${SIGNED_ROWS:-${ROWS%% *}}"   # signed runs (Ed25519 per row) only for these sizes: they are slow
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "install GNU time: apt-get install -y time" >&2; exit 2; }

echo "# shebao audit-trail benchmarks — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: figures vary)"

# wall seconds, CPU seconds, max RSS (MB) and the largest heap after a GC (MB, from -Xlog:gc) of one java
# command: prints "WALL CPU RSS_MB HEAP_MB"
measure() {
  local log="$1"; shift
  local java="$1"; shift
  rm -f "$log.gc"
  "$TIME" -f "%e %U %S %M" -o "$log.time" "$java" "-Xlog:gc:file=$log.gc" "$@" 2>"$log.err" >"$log.out" || true
  local heap
  heap=$(grep -o -- '->[0-9]*M' "$log.gc" 2>/dev/null | tr -dc '0-9\n' | sort -n | tail -1)
  tail -1 "$log.time" | awk -v h="${heap:-0}" '{printf "%s %.2f %.0f %s\n", $1, $2 + $3, $4/1024, h}'
}

if [ ! -f "$work/keys/shebao-audit.key" ]; then
  "${SHEBAO[@]}" keys generate --out "$work/keys" >/dev/null
fi

printf "\n| rows | plain s (CPU s) | plain RSS / heap MB | --audit-out s (CPU s) | audit RSS / heap MB | speed vs plain (wall, CPU) | records | bytes/record | signed s (CPU s) | signed bytes/record | load |\n"
printf "|---|---|---|---|---|---|---|---|---|---|---|\n"
for n in $ROWS; do
  pop="$work/population-$n.csv"
  [ -f "$pop" ] || java -cp "$CP" io.shebao.bench.GeneratePopulation "$n" "$pop"
  rm -f "$work/trail-$n.jsonl" "$work/signed-$n.jsonl"
  read -r p_wall p_cpu p_rss p_heap < <(measure "$work/plain-$n" "${SHEBAO[@]}" batch --in "$pop" --out "$work/plain-$n.csv" --threads 2)
  read -r a_wall a_cpu a_rss a_heap < <(measure "$work/audit-$n" "${SHEBAO[@]}" batch --in "$pop" --out "$work/audit-$n.csv" --threads 2 --audit-out "$work/trail-$n.jsonl")
  s_wall=0; s_cpu=0; sbytes=0
  if [[ " $SIGNED_ROWS " == *" $n "* ]]; then
    read -r s_wall s_cpu s_rss s_heap < <(measure "$work/signed-$n" "${SHEBAO[@]}" batch --in "$pop" --out "$work/signed-$n.csv" --threads 2 --audit-out "$work/signed-$n.jsonl" --sign-key "$work/keys/shebao-audit.key")
    sbytes=$(stat -c %s "$work/signed-$n.jsonl")
  fi
  cmp -s "$work/plain-$n.csv" "$work/audit-$n.csv" || { echo "results with --audit-out differ for $n" >&2; exit 1; }
  records=$(grep -c '^{"kind"' "$work/trail-$n.jsonl")
  bytes=$(stat -c %s "$work/trail-$n.jsonl")
  awk -v n="$n" -v pw="$p_wall" -v pc="$p_cpu" -v pr="$p_rss" -v ph="$p_heap" -v aw="$a_wall" -v ac="$a_cpu" -v ar="$a_rss" \
      -v ah="$a_heap" -v r="$records" -v b="$bytes" -v sw="$s_wall" -v sc="$s_cpu" -v sb="$sbytes" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "| %d | %.1f (%.1f) | %d / %d | %.1f (%.1f) | %d / %d | %.0f%%, %.0f%% | %d | %.0f | %.1f (%.1f) | %.0f | %s |\n",
      n, pw, pc, pr, ph, aw, ac, ar, ah, 100*pw/aw, 100*pc/ac, r, b/r, sw, sc, sb/r, l }'
done

printf "\n| records | replay $HEAP, 2 threads: s (CPU s) | records/s (per CPU-s) | RSS / heap MB | signed, --verify-key: s (CPU s) | signed records/s (per CPU-s) | all identical | load |\n"
printf "|---|---|---|---|---|---|---|---|\n"
for n in $ROWS; do
  t="$work/trail-$n.jsonl"
  records=$(grep -c '^{"kind"' "$t")
  # shellcheck disable=SC2086
  read -r r_wall r_cpu r_rss r_heap < <(measure "$work/replay-$n" java "$HEAP" $REPLAY_OPTS -jar "$JAR" replay "$t" --threads 2)
  tail -1 "$work/replay-$n.out" | grep -q "$records replayed, $records identical" || { echo "replay of $n: $(tail -1 "$work/replay-$n.out")" >&2; exit 1; }
  v_wall=0; v_cpu=0
  if [[ " $SIGNED_ROWS " == *" $n "* ]]; then
    read -r v_wall v_cpu v_rss v_heap < <(measure "$work/replay-signed-$n" java "$HEAP" -jar "$JAR" replay "$work/signed-$n.jsonl" --threads 2 --verify-key "$work/keys/shebao-audit.pub")
    tail -1 "$work/replay-signed-$n.out" | grep -q "$records identical" || { echo "signed replay of $n failed" >&2; exit 1; }
  fi
  awk -v r="$records" -v w="$r_wall" -v c="$r_cpu" -v m="$r_rss" -v h="$r_heap" -v vw="$v_wall" -v vc="$v_cpu" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "| %d | %.1f (%.1f) | %.0f (%.0f) | %d / %d | %s | %s | yes | %s |\n", r, w, c, r/w, r/c, m, h,
      (vw > 0) ? sprintf("%.1f (%.1f)", vw, vc) : "—", (vw > 0) ? sprintf("%.0f (%.0f)", r/vw, r/vc) : "—", l }'
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
