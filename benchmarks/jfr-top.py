#!/usr/bin/env python3
"""Top frames of a JFR recording's CPU samples (jdk.ExecutionSample), for docs/PERFORMANCE.md (issue 13).

    benchmarks/jfr-top.py batch.jfr [N]

Prints three tables: the top (leaf) methods, the first project frame (io.shebao.*) on each stack, i.e. which
project code the time is spent in or under, and the inclusive share of every method (on the stack at all).
"""
import collections
import json
import subprocess
import sys


def frames(event):
    st = event["values"].get("stackTrace") or {}
    out = []
    for f in st.get("frames", []):
        m = f["method"]
        out.append(m["type"]["name"] + "." + m["name"])
    return out


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    text = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    events = json.loads(text)["recording"]["events"]
    leaf = collections.Counter()
    project = collections.Counter()
    inclusive = collections.Counter()
    threads = collections.Counter()
    for e in events:
        fs = frames(e)
        if not fs:
            continue
        leaf[fs[0]] += 1
        first = next((f for f in fs if f.startswith("io.shebao.")), "(no project frame)")
        project[first] += 1
        for f in set(fs):
            inclusive[f] += 1
        t = e["values"].get("sampledThread") or {}
        threads[(t.get("javaName") or t.get("osName") or "?").rstrip("0123456789-")] += 1
    total = sum(leaf.values())
    print(f"{total} samples")
    for title, counter in (("threads", threads), ("top (leaf) frames", leaf),
                           ("first io.shebao frame on the stack", project), ("inclusive (on the stack)", inclusive)):
        print(f"\n| {title} | samples | share |\n|---|---|---|")
        for k, v in counter.most_common(n):
            print(f"| `{k}` | {v} | {100.0 * v / total:.1f}% |")


if __name__ == "__main__":
    main()
