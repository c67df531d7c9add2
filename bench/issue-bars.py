#!/usr/bin/env python3
"""The foundation's performance bars, read from one `npm run bench` folder (peer-bench.sh's JSON for moto and for
taskrole, measured in the same run), each as a ratio with its verdict. Usage: issue-bars.py OUT (OUT/moto, OUT/taskrole).

Bars: server CPU during the api-bench workload at least 10x lower than moto's; median latency at least 2.5x lower on
GetCallerIdentity, AssumeRole and GetRole; start to first answer under 150 ms; idle RSS below moto's.
When OUT/paired exists (bench/floor/run-paired-rounds.sh), it also prints ratios taken round by round, with moto,
taskrole and servers that only replay recorded answers started in turn: the floor under the bars.
"""
from __future__ import annotations

import glob
import json
import statistics
import sys


# The operations whose median latency the bars name.
LATENCY_OPS = ("sts GetCallerIdentity", "sts AssumeRole", "iam GetRole")


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

    for op in LATENCY_OPS:
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
    print_paired(out)
    return 0


PAIRED_NAMES = {
    "taskrole": "taskrole",
    "floor-http": "replays recorded answers through node:http, nothing else",
    "floor-raw": "the same, straight from the TCP socket",
}


def print_paired(out: str) -> None:
    """Median over rounds of each round's moto / server ratio (server CPU, and median latency of the barred ops)."""
    rounds = sorted({int(p.rsplit("-", 1)[1][:-5]) for p in glob.glob(f"{out}/paired/moto-*.json") if not p.endswith("-bench.json")})
    if not rounds:
        return

    def cpu(server: str, r: int) -> float:
        return load(f"{out}/paired/{server}-{r}.json")["median"]["server_cpu_during_workload_s"]

    def latency(server: str, r: int, op: str) -> float:
        return load(f"{out}/paired/{server}-{r}-bench.json")["ops"][op]["median_ms"]

    moto_cpu = statistics.median(cpu("moto", r) for r in rounds)
    print(f"\n### Round by round ({len(rounds)} rounds, each starting moto, taskrole and the replay servers in turn)\n")
    print(f"moto's server CPU: median {moto_cpu:.2f} s; the CPU bar (10x) allows a tenth of it each round.\n")
    print("| server | server CPU | moto / it (bar >= 10x) | latency moto / it: " + " | ".join(op.split()[1] for op in LATENCY_OPS) + " |")
    print("|---|---:|---:|" + "---:|" * len(LATENCY_OPS))
    for server, name in PAIRED_NAMES.items():
        cpus = [cpu(server, r) for r in rounds]
        ratio = statistics.median(cpu("moto", r) / cpu(server, r) for r in rounds)
        lat = [statistics.median(latency("moto", r, op) / latency(server, r, op) for r in rounds) for op in LATENCY_OPS]
        print(f"| {name} | {statistics.median(cpus):.2f} s | {ratio:.1f}x | " + " | ".join(f"{x:.2f}x" for x in lat) + " |")


if __name__ == "__main__":
    sys.exit(main())
