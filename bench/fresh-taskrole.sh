#!/bin/sh
# Starts taskrole on port $1 with a fresh data dir (a user's first start) through bin/taskrole, the command users
# run, exec'd so the measured PID is taskrole itself; plain sh, not bash, and no more processes than mktemp, so the
# wrapper adds as little as possible to the start-up time measured. FRESH_TASKROLE_ENTRY="node dist/cli.js"
# measures the plain node entry instead.
set -eu
here=${0%/*}
exec ${FRESH_TASKROLE_ENTRY:-"$here/../bin/taskrole"} start --port "$1" --data-dir "$(mktemp -d /tmp/taskrole-bench-data.XXXXXX)"
