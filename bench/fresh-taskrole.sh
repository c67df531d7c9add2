#!/usr/bin/env bash
# Starts taskrole on port $1 with a fresh data dir, exec'd so the measured PID is taskrole itself.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(mktemp -d /tmp/taskrole-bench-data.XXXXXX)
exec node "$ROOT/dist/cli.js" start --port "$1" --data-dir "$DIR"
