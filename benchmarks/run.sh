#!/usr/bin/env bash
# End-to-end benchmarks of shebao batch against the plain-Java baselines (issues 6 and 13). Run by hand, from anywhere:
#   benchmarks/run.sh            # 100k and 1M rows, 1 and 2 threads, memory, cold start, JMH
#   ROWS="100000" benchmarks/run.sh   # fewer sizes
# Outputs are compared (results byte for byte, error row numbers) before any time is reported.
# Needs: the packaged CLI and benchmarks (built here if missing), /usr/bin/time, optionally hyperfine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="${WORK:-$root/benchmarks/target/run}"
mkdir -p "$work"
if [ ! -f rules-cli/target/shebao.jar ] || [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q package -DskipTests -pl rules-cli,benchmarks -am
fi
CP="benchmarks/target/benchmarks.jar:benchmarks/target/lib/*"
SHEBAO=(java -jar rules-cli/target/shebao.jar)
ROWS="${ROWS:-100000 1000000}"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "install GNU time: apt-get install -y time" >&2; exit 2; }

echo "# shebao batch benchmarks — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: figures vary)"

# seconds and max RSS (MB) of one command: prints "SECONDS RSS_MB"
measure() {
  local log="$1"; shift
  "$TIME" -f "%e %M" -o "$log.time" "$@" 2>"$log.err" >/dev/null || true
  tail -1 "$log.time" | awk '{printf "%s %.0f\n", $1, $2/1024}'  # first line may be "Command exited with non-zero status 1"
}

printf "\n| rows | threads | shebao s | shebao rows/s | shebao max RSS MB | baseline s | baseline rows/s | ratio shebao/baseline | identical |\n"
printf "|---|---|---|---|---|---|---|---|---|\n"
for n in $ROWS; do
  pop="$work/population-$n.csv"
  [ -f "$pop" ] || java -cp "$CP" io.shebao.bench.GeneratePopulation "$n" "$pop"
  for t in 1 2; do
    read -r s_sec s_rss < <(measure "$work/shebao-$n-$t" "${SHEBAO[@]}" batch --in "$pop" --out "$work/shebao-$n-$t.csv" --errors "$work/shebao-$n-$t.errors.csv" --threads "$t")
    read -r b_sec b_rss < <(measure "$work/baseline-$n-$t" java -cp "$CP" io.shebao.bench.BaselineBatch "$pop" "$work/baseline-$n-$t.csv" "$work/baseline-$n-$t.errors.csv" "$t")
    same=yes
    cmp -s "$work/shebao-$n-$t.csv" "$work/baseline-$n-$t.csv" || same="NO (results differ)"
    cmp -s <(cut -d, -f1 "$work/shebao-$n-$t.errors.csv") <(cut -d, -f1 "$work/baseline-$n-$t.errors.csv") || same="NO (error rows differ)"
    cmp -s "$work/shebao-$n-$t.csv" "$work/shebao-$n-1.csv" || same="NO (threads differ)"
    if [ "$same" != yes ]; then echo "outputs differ for $n rows, $t threads: $same" >&2; exit 1; fi
    awk -v n="$n" -v t="$t" -v s="$s_sec" -v r="$s_rss" -v b="$b_sec" 'BEGIN {
      printf "| %d | %d | %.2f | %.0f | %d | %.2f | %.0f | %.2f | yes |\n", n, t, s, n/s, r, b, n/b, s/b }'
  done
done

echo
echo "## Issue 13 target 1: CPU seconds against the independent hand-written program (benchmarks/baseline.sh)"
for n in $ROWS; do last="$n"; done
ROWS="$last" ROUNDS=1 WORK="$work" "$root/benchmarks/baseline.sh" | sed -n '/^| round/,$p'

echo
echo "## One month (2025-09, all 17 regions): what a monthly payroll run looks like, 1M rows, 2 threads"
printf "| rows | shebao s | shebao rows/s | baseline s | baseline rows/s | ratio | identical |\n|---|---|---|---|---|---|---|\n"
m="$work/population-month-1000000.csv"
[ -f "$m" ] || java -cp "$CP" io.shebao.bench.GeneratePopulation 1000000 "$m" 20250701 2025-09
read -r s_sec s_rss < <(measure "$work/month-shebao" "${SHEBAO[@]}" batch --in "$m" --out "$work/month-shebao.csv" --errors "$work/month-shebao.errors.csv" --threads 2)
read -r b_sec b_rss < <(measure "$work/month-baseline" java -cp "$CP" io.shebao.bench.BaselineBatch "$m" "$work/month-baseline.csv" "$work/month-baseline.errors.csv" 2)
cmp -s "$work/month-shebao.csv" "$work/month-baseline.csv" || { echo "one-month outputs differ" >&2; exit 1; }
awk -v s="$s_sec" -v b="$b_sec" 'BEGIN { printf "| 1000000 | %.2f | %.0f | %.2f | %.0f | %.2f | yes |\n", s, 1e6/s, b, 1e6/b, s/b }'

echo
echo "## Heap: live heap after GC (max over the run), 2 threads, default heap; and a run capped at -Xmx128m"
printf "| rows | max heap after GC MB | max RSS MB with -Xmx128m | -Xmx128m s |\n|---|---|---|---|\n"
for n in $ROWS; do
  pop="$work/population-$n.csv"
  java -Xlog:gc:file="$work/gc-$n.log" -jar rules-cli/target/shebao.jar batch --in "$pop" --out "$work/gc-$n.csv" --errors "$work/gc-$n.errors.csv" --threads 2 2>/dev/null || true
  live=$(grep -o '[0-9]*M->[0-9]*M' "$work/gc-$n.log" | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -1)
  read -r c_sec c_rss < <(measure "$work/capped-$n" java -Xmx128m -jar rules-cli/target/shebao.jar batch --in "$pop" --out "$work/capped-$n.csv" --errors "$work/capped-$n.errors.csv" --threads 2)
  cmp -s "$work/capped-$n.csv" "$work/shebao-$n-2.csv" || { echo "capped run differs for $n" >&2; exit 1; }
  printf "| %d | %s | %s | %s |\n" "$n" "${live:-n/a}" "$c_rss" "$c_sec"
done

echo
echo "## Cold start: shebao contribution as a whole process"
cold=("${SHEBAO[@]}" contribution --region yichang --period 2023-05 --wage 3450 --risk-class 1 --format json)
if command -v hyperfine >/dev/null; then
  # the same command with a class-data-sharing archive (JDK 17: -XX:SharedArchiveFile), made once here
  java -XX:ArchiveClassesAtExit="$work/shebao.jsa" -jar rules-cli/target/shebao.jar contribution --region yichang --period 2023-05 --wage 3450 --risk-class 1 >/dev/null 2>&1 || true
  hyperfine --warmup 1 --runs 10 --export-markdown "$work/cold.md" "${cold[*]}" \
    "java -XX:SharedArchiveFile=$work/shebao.jsa -XX:TieredStopAtLevel=1 ${cold[*]:1}" >/dev/null 2>&1
  cat "$work/cold.md"
else
  for i in $(seq 10); do "$TIME" -f "%e" -a -o "$work/cold.txt" "${cold[@]}" >/dev/null; done
  awk '{s+=$1; if (min==""||$1<min) min=$1; if ($1>max) max=$1} END {printf "mean %.3f s, min %.3f s, max %.3f s (10 runs)\n", s/NR, min, max}' "$work/cold.txt"
fi

echo
echo "## Single evaluation, warm (JMH -wi 2 -i 3 -f 1, 1 s per iteration)"
java -cp "$CP" org.openjdk.jmh.Main ContributionLatency -wi 2 -i 3 -f 1 -w 1s -r 1s -foe true 2>/dev/null \
  | sed -n '/^Benchmark/,$p'
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
