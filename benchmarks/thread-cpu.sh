#!/usr/bin/env bash
# CPU seconds of one command by thread group (JIT compilers, GC, batch workers, reader, main), read from /proc
# while it runs (Linux). Where an audited batch's CPU goes, beside the total that /usr/bin/time gives:
#   benchmarks/thread-cpu.sh ./shebao batch --in pop.csv --out o.csv --errors e.csv --threads 2 --audit-out t.jsonl
# Threads are grouped by name without its trailing digits ("C2 CompilerThread0" and "…1" are one group; Linux keeps
# the first 15 characters of a name). Each thread is read every 0.2 s with shell built-ins (no process started
# per read); a thread that ends between two reads loses at most its last 0.2 s. The command's output is left as
# it is; the table goes to standard error after it, and the command's exit status is this script's.
set -uo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 COMMAND [ARGUMENT...]" >&2
  exit 2
fi
hz=$(getconf CLK_TCK)
# stdin passed on (a script's background command would read /dev/null), and Ctrl-C passed on as SIGTERM (SIGINT
# is ignored by a background command of a script, so the JVM would not stop)
"$@" <&0 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 130' INT TERM
declare -A ticks names
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    tid=${t##*/}
    { read -r stat < "$t/stat"; } 2>/dev/null || continue
    # read each time: the launcher's shell becomes the JVM (exec) under the same process id
    { read -r name < "$t/comm"; } 2>/dev/null || continue
    names[$tid]=$name
    # fields after the name's closing parenthesis: state is the 1st, utime the 12th, stime the 13th
    rest=${stat##*) }
    read -r -a f <<< "$rest"
    ticks[$tid]=$(( f[11] + f[12] ))
  done
  sleep 0.2
done
wait "$pid"
rc=$?
declare -A group
total=0
for tid in "${!ticks[@]}"; do
  g=${names[$tid]}
  while [[ $g =~ [0-9]$ ]]; do g=${g%?}; done
  group[$g]=$(( ${group[$g]:-0} + ticks[$tid] ))
  total=$(( total + ticks[$tid] ))
done
{
  echo "CPU by thread group (s), load at the end $(cut -d' ' -f1-3 /proc/loadavg):"
  for g in "${!group[@]}"; do
    echo "${group[$g]} $g"
  done | sort -rn | awk -v hz="$hz" '$1 > 0 { t = $1; $1 = ""; printf "%8.2f %s\n", t / hz, $0 }'
  awk -v t="$total" -v hz="$hz" 'BEGIN { printf "%8.2f  (all threads read)\n", t / hz }'
} >&2
exit "$rc"
