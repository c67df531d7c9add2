#!/usr/bin/env bash
# The floor under the server-CPU bar: the same api-bench workload that peer-bench.sh step 2 runs, against a server
# that only replays answers recorded from taskrole (replay-server.mjs), once through node:http and once straight
# from the socket. Writes OUT/floor-http and OUT/floor-raw in server-startup.py's JSON; issue-bars.py reads them.
# Usage: run-floor-bench.sh OUT   (N and RUNS as for peer-bench.sh)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${TASKROLE_SHARED:-$ROOT/../shared}
OUT=${1:?usage: run-floor-bench.sh OUT}
N=${N:-300}; RUNS=${RUNS:-2}
mkdir -p "$OUT/floor-http" "$OUT/floor-raw"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. Record one successful answer per action from a real taskrole, through a short run of the same workload.
DATA=$(mktemp -d /tmp/taskrole-floor-data.XXXXXX)
RECORDING="$OUT/floor-recording.json"
TR_PORT=$(free_port); PROXY_PORT=$(free_port)
node "$ROOT/dist/cli.js" start --port "$TR_PORT" --data-dir "$DATA" >"$OUT/floor-taskrole.log" 2>&1 &
TR_PID=$!
node "$HERE/record-proxy.mjs" "$PROXY_PORT" "$TR_PORT" "$RECORDING" >"$OUT/floor-proxy.log" 2>&1 &
PROXY_PID=$!
cleanup() { kill "$PROXY_PID" "$TR_PID" 2>/dev/null || true; wait "$PROXY_PID" "$TR_PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 200); do
  curl -sf "http://127.0.0.1:$TR_PORT/_taskrole/health" >/dev/null 2>&1 && curl -s "http://127.0.0.1:$PROXY_PORT/" >/dev/null 2>&1 && break
  sleep 0.05
done
python3 "$SHARED/bench/api-bench.py" --endpoint "http://127.0.0.1:$PROXY_PORT" -n 3 --warmup 1 --concurrency 2 --conc-calls 3 >"$OUT/floor-record.out"
kill "$PROXY_PID"; wait "$PROXY_PID" 2>/dev/null || true
cleanup; trap - EXIT
[ -s "$RECORDING" ] || { echo "floor: nothing recorded" >&2; exit 1; }

# 2. The workload of peer-bench.sh step 2 against each replay server.
for mode in http raw; do
  flag=""; [ "$mode" = raw ] && flag="--raw"
  python3 "$SHARED/bench/server-startup.py" --quiet --log-dir "$OUT/floor-$mode" --runs "$RUNS" \
    --cmd "node $HERE/replay-server.mjs {port} $RECORDING $flag" \
    --workload "python3 $SHARED/bench/api-bench.py --endpoint {endpoint} -n $N --concurrency 4 --conc-calls 100 --json $OUT/floor-$mode/bench-run{run}.json" \
    --json "$OUT/floor-$mode/bench-startup.json" | grep -E '^(run|median)'
done
