#!/bin/sh
# Runs the Multitrack app named by the first argument. `exec` makes node the container's main
# process, so SIGTERM from `docker stop` or the kubelet reaches the app's graceful drain directly.
set -eu
home=${MULTITRACK_HOME:-/app}
app=${1:-}
[ $# -gt 0 ] && shift
case $app in
  coordination-api | audit-api | relay | projector | webhooks | standalone) exec node "$home/dist/apps/$app/src/main.js" "$@" ;;
  migrate) exec node "$home/dist/scripts/migrate.js" "$@" ;;
  rewrap-personal-data) exec node "$home/dist/scripts/rewrap-personal-data.js" "$@" ;;
  audit) exec node "$home/dist/apps/audit-api/src/cli/main.js" "$@" ;;
  projections-rebuild) exec node --max-semi-space-size=32 "$home/dist/apps/projector/src/rebuild/main.js" "$@" ;;
  *)
    echo "multitrack: unknown command '$app'; one of: coordination-api audit-api relay projector webhooks standalone migrate rewrap-personal-data audit projections-rebuild" >&2
    exit 64
    ;;
esac
