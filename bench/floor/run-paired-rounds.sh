#!/usr/bin/env bash
# Paired rounds and the floor under the server-CPU bar. Each round starts, in turn, moto_server, taskrole and two
# servers that only replay answers recorded from taskrole (replay-server.mjs: through node:http, and straight from
# the socket), and runs on each the api-bench workload of peer-bench.sh step 2. Ratios taken round by round are
# steadier than peer-bench.sh's, which measures one server's runs after the other's while these shared machines
# drift by 10-20% within minutes. Writes OUT/paired/<server>-<round>.json (server-startup.py) and
# OUT/paired/<server>-<round>-bench.json (api-bench.py); issue-bars.py reads them.
# Usage: run-paired-rounds.sh OUT   (N as for peer-bench.sh; ROUNDS, default 3)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${TASKROLE_SHARED:-$ROOT/../shared}
OUT=${1:?usage: run-paired-rounds.sh OUT}
N=${N:-300}; ROUNDS=${ROUNDS:-3}
mkdir -p "$OUT/paired"
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

# 2. Rounds: every server in turn, each on a fresh start, the same workload.
MOTO=$(command -v moto_server)
command -v pyenv >/dev/null 2>&1 && MOTO=$(pyenv which moto_server 2>/dev/null || echo "$MOTO")
declare -A SERVERS=(
  [moto]="$MOTO -H 127.0.0.1 -p {port}"
  [taskrole]="sh $ROOT/bench/fresh-taskrole.sh {port}"
  [floor-http]="node $HERE/replay-server.mjs {port} $RECORDING"
  [floor-raw]="node $HERE/replay-server.mjs {port} $RECORDING --raw"
)
for round in $(seq "$ROUNDS"); do
  for server in moto taskrole floor-http floor-raw; do
    python3 "$SHARED/bench/server-startup.py" --quiet --log-dir "$OUT/paired" --runs 1 --cmd "${SERVERS[$server]}" \
      --workload "python3 $SHARED/bench/api-bench.py --endpoint {endpoint} -n $N --concurrency 4 --conc-calls 100 --json $OUT/paired/$server-$round-bench.json" \
      --json "$OUT/paired/$server-$round.json" | sed -n "s/^run 1:/round $round, $server:/p"
  done
done
