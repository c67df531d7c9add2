#!/usr/bin/env python3
"""The foundation's performance bars, read from one `npm run bench` folder (peer-bench.sh's JSON for moto and for
taskrole, measured in the same run), each as a ratio with its verdict. Usage: issue-bars.py OUT (OUT/moto, OUT/taskrole).

Bars: server CPU during the api-bench workload at least 10x lower than moto's; median latency at least 2.5x lower on
GetCallerIdentity, AssumeRole and GetRole; start to first answer under 150 ms; idle RSS below moto's.
When OUT/floor-http and OUT/floor-raw exist (bench/floor/run-floor-bench.sh), it also prints the floor under the CPU
bar: what a server that only replays recorded answers spends on the same workload.
"""
from __future__ import annotations

import glob
import json
import os
import statistics
import sys


def load(path: str) -> dict:
    with open(path) as f:
        return json.load(f)


def median_latency(folder: str, op: str) -> float | None:
    values = []
    for run in sorted(glob.glob(f"{folder}/bench-run*.json")):
        value = load(run).get("ops", {}).get(op, {}).get("median_ms")
        if value is not None:
            values.append(value)
    return statistics.median(values) if values else None


def main() -> int:
    out = sys.argv[1]
    moto, ours = f"{out}/moto", f"{out}/taskrole"
    rows: list[tuple[str, str, str, str, bool]] = []

    cpu_moto = load(f"{moto}/bench-startup.json")["median"]["server_cpu_during_workload_s"]
    cpu_ours = load(f"{ours}/bench-startup.json")["median"]["server_cpu_during_workload_s"]
    ratio = cpu_moto / cpu_ours
    rows.append(("server CPU during the api-bench workload", f"{cpu_moto:.2f} s", f"{cpu_ours:.2f} s", f"{ratio:.1f}x (bar >= 10x)", ratio >= 10))

    for op in ("sts GetCallerIdentity", "sts AssumeRole", "iam GetRole"):
        a, b = median_latency(moto, op), median_latency(ours, op)
        if a is None or b is None:
            rows.append((f"median latency, {op}", str(a), str(b), "not measured", False))
            continue
        rows.append((f"median latency, {op}", f"{a:.2f} ms", f"{b:.2f} ms", f"{a / b:.2f}x (bar >= 2.5x)", a / b >= 2.5))

    start_moto = load(f"{moto}/startup.json")["median"]
    start_ours = load(f"{ours}/startup.json")["median"]
    rows.append(("start to first answer", f"{start_moto['t_api_ms']:.0f} ms", f"{start_ours['t_api_ms']:.0f} ms", "bar < 150 ms", start_ours["t_api_ms"] < 150))
    rss_moto, rss_ours = start_moto["rss_idle_kib"] / 1024, start_ours["rss_idle_kib"] / 1024
    rows.append(("idle RSS", f"{rss_moto:.1f} MiB", f"{rss_ours:.1f} MiB", "bar: below moto's", rss_ours < rss_moto))

    print("\n## Foundation bars (issue 3), moto and taskrole in this run\n")
    print("| measure | moto | taskrole | ratio / bar | met |")
    print("|---|---:|---:|---|---|")
    for name, a, b, bar, met in rows:
        print(f"| {name} | {a} | {b} | {bar} | {'yes' if met else 'NO'} |")
    print_floor(out, cpu_moto, cpu_ours)
    return 0


def print_floor(out: str, cpu_moto: float, cpu_ours: float) -> None:
    """The server CPU of servers that do no work at all, against the CPU the bar allows (moto's / 10)."""
    floors = [(mode, f"{out}/floor-{mode}/bench-startup.json") for mode in ("http", "raw")]
    floors = [(mode, path) for mode, path in floors if os.path.exists(path)]
    if not floors:
        return
    allowed = cpu_moto / 10
    print(f"\n### The floor under the server-CPU bar (it allows {allowed:.2f} s on this workload)\n")
    print("| server on the same workload | server CPU | moto / it | left for the work under the bar |")
    print("|---|---:|---:|---:|")
    names = {"http": "replays recorded answers through node:http, nothing else", "raw": "the same straight from the TCP socket"}
    for mode, path in floors:
        cpu = load(path)["median"]["server_cpu_during_workload_s"]
        print(f"| {names[mode]} | {cpu:.2f} s | {cpu_moto / cpu:.1f}x | {allowed - cpu:+.2f} s |")
    print(f"| taskrole | {cpu_ours:.2f} s | {cpu_moto / cpu_ours:.1f}x | |")


if __name__ == "__main__":
    sys.exit(main())
