#!/usr/bin/env bash
# run-engine-bench.sh — taskrole's policy engine against @cloud-copilot/iam-simulate on ECS-shaped requests
# (npm run bench:engine). iam-simulate is AGPL: it is installed into a scratch directory under /tmp for the
# run only, never as a dependency of taskrole and never committed.
#
# Usage: bash bench/run-engine-bench.sh [--seconds 3] [--only iamsim-runSimulation,taskrole]
# Environment: IAMSIM_DIR (scratch directory, default /tmp/taskrole-iamsim), IAMSIM_REFRESH=1 to reinstall.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
# shared/ sits beside the repository (../shared from the repo root), wherever the repo is cloned.
shared=$(cd "$repo/../shared" 2>/dev/null && pwd) || {
  echo "run-engine-bench: cannot find $repo/../shared (the bench script lives in shared/bench/)" >&2
  exit 1
}
bench="$shared/bench/iamsim-bench.mjs"
[ -f "$bench" ] || { echo "run-engine-bench: missing $bench" >&2; exit 1; }

scratch=${IAMSIM_DIR:-/tmp/taskrole-iamsim}
if [ "${IAMSIM_REFRESH:-0}" = 1 ] || [ ! -d "$scratch/node_modules/@cloud-copilot/iam-simulate" ] || [ ! -d "$scratch/node_modules/@cloud-copilot/iam-policy" ]; then
  mkdir -p "$scratch"
  echo "installing @cloud-copilot/iam-simulate and @cloud-copilot/iam-policy into $scratch (scratch only, AGPL)" >&2
  npm i --prefix "$scratch" --no-audit --no-fund --loglevel=error @cloud-copilot/iam-simulate @cloud-copilot/iam-policy >&2
fi

cd "$repo"
IAMSIM_MODULES="$scratch/node_modules" exec node "$bench" --engine "$here/iamsim-adapter.mjs" "$@"
