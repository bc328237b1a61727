#!/usr/bin/env bash
# Issue 13 target 2 in one command: the speed of `shebao batch --audit-out` against plain `shebao batch` on the same
# mixed population, through ./shebao as a user runs it (its choice of JIT and collector), 2 threads, plain and
# audited runs alternating, with the load average beside each figure. Speed against plain = plain's CPU seconds
# (user + sys, GNU time) / the audited run's, and the same with wall seconds; medians over the rounds.
# Before a size's figures are printed, each audited run's results and errors must equal the plain run's (cmp).
#   benchmarks/audit-speed.sh                            # 100k, 300k and 1M rows, 3 rounds
#   ROWS="100000" ROUNDS=5 benchmarks/audit-speed.sh
#   SHEBAO_JAVA_OPTS="-XX:..." benchmarks/audit-speed.sh   # extra JVM options for every run (the launcher adds them)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="${WORK:-$root/benchmarks/target/audit-speed}"
sizes="${ROWS:-100000 300000 1000000}"
rounds="${ROUNDS:-3}"
mkdir -p "$work"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "install GNU time: apt-get install -y time" >&2; exit 2; }
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -o package -DskipTests -pl rules-cli,benchmarks -am
fi
CP="benchmarks/target/benchmarks.jar:benchmarks/target/lib/*"

# one run; prints "CPU_SECONDS WALL_SECONDS MAX_RSS_MB LOAD1" (exit 1 of a file with rows in error is expected)
run() {
  local name="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  "$TIME" -f "%U %S %e %M" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.log" || true
  tail -1 "$work/$name.time" | awk -v l="$load" '{printf "%.2f %.2f %.0f %s\n", $1 + $2, $3, $4 / 1024, l}'
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# a first run writes the launcher's start-up archive when the build is new: not measured
head -200 "$root/examples/data/population.csv" > "$work/warm.csv"
./shebao batch --in "$work/warm.csv" --out "$work/warm.out.csv" --errors "$work/warm.errors.csv" >/dev/null 2>&1 || true

echo "# issue 13 target 2 — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), SHEBAO_JAVA_OPTS='${SHEBAO_JAVA_OPTS:-}'"
echo "# ./shebao batch --in POP --out … --errors … --threads 2 [--audit-out TRAIL]; CPU = user + sys (GNU time); load = 1-min load average at the start"
for n in $sizes; do
  pop="$work/population-$n.csv"
  [ -f "$pop" ] || java -cp "$CP" io.shebao.bench.GeneratePopulation "$n" "$pop" >/dev/null
  printf "\n## %s rows (%s MB)\n\n| round | plain CPU s (wall, RSS MB, load) | audited CPU s (wall, RSS MB, load) |\n|---|---|---|\n" \
    "$n" "$(( $(stat -L -c %s "$pop") / 1000000 ))"
  pc=""; pw=""; ac=""; aw=""; rss=""
  for r in $(seq "$rounds"); do
    read -r p_cpu p_wall p_rss p_load < <(run "plain-$n-$r" ./shebao batch --in "$pop" --out "$work/plain.csv" \
        --errors "$work/plain.errors.csv" --threads 2)
    rm -f "$work/trail-$n.jsonl"
    read -r a_cpu a_wall a_rss a_load < <(run "audit-$n-$r" ./shebao batch --in "$pop" --out "$work/audit.csv" \
        --errors "$work/audit.errors.csv" --threads 2 --audit-out "$work/trail-$n.jsonl")
    if ! cmp -s "$work/plain.csv" "$work/audit.csv" || ! cmp -s "$work/plain.errors.csv" "$work/audit.errors.csv"; then
      echo "the audited run's results or errors differ from the plain run's ($work); no figures" >&2
      exit 1
    fi
    echo "| $r | $p_cpu ($p_wall s, $p_rss, $p_load) | $a_cpu ($a_wall s, $a_rss, $a_load) |"
    pc="$pc $p_cpu"; pw="$pw $p_wall"; ac="$ac $a_cpu"; aw="$aw $a_wall"; rss="$rss $a_rss"
  done
  records=$(grep -c '^{"kind"' "$work/trail-$n.jsonl")
  mpc=$(echo "$pc" | median); mpw=$(echo "$pw" | median); mac=$(echo "$ac" | median); maw=$(echo "$aw" | median)
  awk -v pc="$mpc" -v pw="$mpw" -v ac="$mac" -v aw="$maw" -v b="$(stat -c %s "$work/trail-$n.jsonl")" -v r="$records" \
      -v rss="$(echo "$rss" | tr ' ' '\n' | sort -n | tail -1)" 'BEGIN {
    printf "\nmedians: plain %.2f CPU-s (%.2f s), audited %.2f CPU-s (%.2f s): **speed %.0f%% by CPU, %.0f%% by wall** (goal 50%%); ", pc, pw, ac, aw, 100 * pc / ac, 100 * pw / aw
    printf "%d records, %.0f bytes per record (goal 1 KB); audited max RSS %d MB; results and errors identical to plain (cmp)\n", r, b / r, rss }'
done
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
