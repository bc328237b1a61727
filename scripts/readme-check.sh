#!/usr/bin/env bash
# The newcomer's first hour, automated: runs the README's commands in order, twice, in a fresh clone of the
# committed HEAD, then checks that `git status` is clean (everything written went under the ignored work/).
#
#   scripts/readme-check.sh            # fresh clone in a temporary folder (./shebao builds the CLI there)
#   scripts/readme-check.sh --list     # only print the commands it would run
#   scripts/readme-check.sh --reuse-build   # copy this checkout's built CLI (rules-cli/target) into the clone
#
# Which lines are commands: in code blocks the lines after "$ " (with "\" continuations and here-documents)
# and the lines starting with ./shebao, mkdir, rm or [ . Synopses (`shebao …` with
# placeholders), Maven, Spark, `serve`, curl and the Chromium render scripts are not run. A command may exit
# non-zero only where the README says so: the next console line is `$ echo $?` followed by that code, or its
# comment says "exit N".
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
commands=$(mktemp)
trap 'rm -f "$commands"' EXIT
python3 - "$repo/README.md" > "$commands" <<'PY'
import re, sys, json
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
out, i, fence = [], 0, None
SKIP = re.compile(r"(^|\s)(mvn|curl|echo)\s|shebao serve|render-|rules-spark")
def expected(comment, following):
    m = re.search(r"exit (\d)", comment)
    if m:
        return int(m.group(1))
    for k, f in enumerate(following):          # the output, up to the next command
        f = f.strip()
        if f.startswith("```"):
            break
        if f.startswith("$ "):
            if f.strip() == "$ echo $?" and k + 1 < len(following) and following[k + 1].strip().isdigit():
                return int(following[k + 1].strip())
            break
    return 0
while i < len(lines):
    l = lines[i].strip()                       # a code block may be indented (inside a list item)
    if l.startswith("```"):
        fence = None if fence is not None else l[3:].strip()
        i += 1
        continue
    if fence is None:
        i += 1
        continue
    if l.startswith("$ "):
        cmd = l[2:]
    elif re.match(r"(\./shebao|mkdir|rm|\[) ", l):
        cmd = l
    else:
        i += 1
        continue
    start = i
    while cmd.rstrip().endswith("\\") and i + 1 < len(lines):
        i += 1
        cmd = cmd.rstrip()[:-1] + " " + lines[i].strip()
    m = re.search(r"<<'(\w+)'", cmd)
    if m:
        body = []
        while i + 1 < len(lines) and lines[i + 1].strip() != m.group(1):
            i += 1
            body.append(lines[i])
        i += 1
        cmd = cmd + "\n" + "\n".join(body) + "\n" + m.group(1)
    comment = cmd.split("  #", 1)[1] if "  #" in cmd.split("\n")[0] else ""
    if not SKIP.search(cmd.split("\n")[0]):
        out.append({"line": start + 1, "cmd": cmd, "exit": expected(comment, lines[i + 1:i + 40])})
    i += 1
print(json.dumps(out, ensure_ascii=False))
PY
if [ "${1:-}" = "--list" ]; then
    python3 -c 'import json,sys; [print("README:%d  [exit %d]  %s" % (c["line"], c["exit"], c["cmd"])) for c in json.load(open(sys.argv[1]))]' "$commands"
    exit 0
fi
scratch=$(mktemp -d)
trap 'rm -f "$commands"; rm -rf "$scratch"' EXIT
git clone -q "$repo" "$scratch/shebao-rules"
cd "$scratch/shebao-rules"
if [ "${1:-}" = "--reuse-build" ]; then
    mkdir -p rules-cli/target
    cp -r "$repo/rules-cli/target/shebao.jar" "$repo/rules-cli/target/lib" rules-cli/target/
    touch rules-cli/target/.launcher-built   # newer than every cloned source: the launcher does not rebuild
fi
failed=0
for run in 1 2; do
    echo "== run $run in $scratch/shebao-rules"
    n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$commands")
    for k in $(seq 0 $((n - 1))); do
        line=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[int(sys.argv[2])]["line"])' "$commands" "$k")
        want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[int(sys.argv[2])]["exit"])' "$commands" "$k")
        python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[int(sys.argv[2])]["cmd"])' "$commands" "$k" > "$scratch/cmd.sh"
        set +e
        bash "$scratch/cmd.sh" > "$scratch/out.txt" 2> "$scratch/err.txt"
        got=$?
        set -e
        if [ "$got" != "$want" ] || grep -q "Exception\|	at \|command not found" "$scratch/err.txt"; then
            echo "FAIL README:$line (exit $got, README says $want): $(head -1 "$scratch/cmd.sh")"
            sed 's/^/    /' "$scratch/err.txt" | head -5
            failed=$((failed + 1))
        else
            echo "ok   README:$line  $(head -1 "$scratch/cmd.sh" | cut -c1-90)"
        fi
    done
done
if [ -n "$(git status --porcelain)" ]; then
    echo "FAIL git status is not clean after the walkthroughs:"
    git status --porcelain | head -20
    failed=$((failed + 1))
fi
[ "$failed" -eq 0 ] && echo "README check: every command passed twice; git status clean" || echo "README check: $failed failures"
[ "$failed" -eq 0 ]
