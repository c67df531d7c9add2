#!/usr/bin/env bash
# npm run bench: taskrole and moto_server measured by ../shared/bench/peer-bench.sh in the same run,
# then the ratios (bench-summary.py --vs). Knobs: N, RUNS, STARTUP_RUNS, SWEEP (see peer-bench.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${TASKROLE_SHARED:-$ROOT/../shared}
[ -d "$SHARED/bench" ] || { echo "bench: $SHARED/bench not found (set TASKROLE_SHARED)" >&2; exit 1; }
OUT=${1:-$(mktemp -d /tmp/taskrole-bench.XXXXXX)}
mkdir -p "$OUT/moto" "$OUT/taskrole"
[ -f "$ROOT/dist/cli.js" ] || (cd "$ROOT" && npm run build)

echo "# peer: moto_server" >&2
bash "$SHARED/bench/peer-bench.sh" "$OUT/moto" >/dev/null
echo "# taskrole" >&2
# One data dir per start, as a user's first start; node directly (npx would add its own start-up time).
SERVER_CMD="sh $ROOT/bench/fresh-taskrole.sh {port}" bash "$SHARED/bench/peer-bench.sh" "$OUT/taskrole" >/dev/null
# Round by round: moto, taskrole and servers that only replay answers (the floor), started in turn (ROUNDS=0 skips).
if [ "${ROUNDS:-3}" != 0 ]; then
  echo "# paired rounds with the replay servers" >&2
  bash "$ROOT/bench/floor/run-paired-rounds.sh" "$OUT" >/dev/null
fi
python3 "$SHARED/bench/bench-summary.py" "$OUT/moto" --vs "$OUT/taskrole" --names moto,taskrole | tee "$OUT/summary.md"
python3 "$ROOT/bench/issue-bars.py" "$OUT" | tee -a "$OUT/summary.md"
if [ -f "$ROOT/bench/agent-bench.mjs" ]; then node "$ROOT/bench/agent-bench.mjs" | tee -a "$OUT/summary.md"; fi
# What IAM enforcement costs per call (enforce vs off, same run): the bar is < 5% of a whole API call.
if [ -f "$ROOT/bench/execution-role-bench.mjs" ]; then node "$ROOT/bench/execution-role-bench.mjs" | tee -a "$OUT/summary.md"; fi
if [ -f "$ROOT/bench/enforcement-cost.mjs" ]; then node "$ROOT/bench/enforcement-cost.mjs" | tee -a "$OUT/summary.md"; fi
echo "results: $OUT" >&2
