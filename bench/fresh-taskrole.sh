#!/bin/sh
# Starts taskrole on port $1 with a fresh data dir (a user's first start), exec'd so the measured PID is taskrole
# itself; plain sh, not bash, so the wrapper adds as little as possible to the start-up time measured.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
exec node "$ROOT/dist/cli.js" start --port "$1" --data-dir "$(mktemp -d /tmp/taskrole-bench-data.XXXXXX)"
