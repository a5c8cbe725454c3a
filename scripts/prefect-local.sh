#!/usr/bin/env bash
# A local Prefect server + process worker for people without Docker (what `make serve` runs).
# Its own PREFECT_HOME under .cache/ (SQLite database, logs, pid files); never touches ~/.prefect.
# start: server on 127.0.0.1:$PREFECT_LOCAL_PORT (4200), work pool `newsindex`, `prefect deploy --all`, worker.
# stop:  stops only the server and worker this script started (pid files + command-line check).
# usage: scripts/prefect-local.sh start|stop|status
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
bin=${NEWSINDEX_BIN:-$here/.venv/bin}
port=${PREFECT_LOCAL_PORT:-4200}
pool=newsindex
cache=${NEWSINDEX_CACHE:-$here/.cache}
export PREFECT_HOME=${PREFECT_LOCAL_HOME:-$cache/prefect}
export PREFECT_API_URL=http://127.0.0.1:$port/api
export PREFECT_SERVER_ANALYTICS_ENABLED=false
run=$PREFECT_HOME/run
mkdir -p "$run"

log() { echo "prefect-local: $*" >&2; }

# pid of a process we started, if it is still that process
ours() {
  local name=$1 pid
  pid=$(cat "$run/$name.pid" 2>/dev/null || true)
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -q "prefect" "/proc/$pid/cmdline" 2>/dev/null \
    && grep -q "$name" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

healthy() { curl -sf -m 3 "$PREFECT_API_URL/health" >/dev/null 2>&1; }

spawn() {  # spawn NAME CMD...: own session (so stop reaches its children), log and pid under $run
  local name=$1; shift
  setsid "$@" >"$run/$name.log" 2>&1 < /dev/null &
  echo $! >"$run/$name.pid"
}

start() {
  if [[ -n "$(ours server)" ]]; then
    log "server already running (pid $(ours server))"
  elif healthy; then
    log "something else already answers at $PREFECT_API_URL; set PREFECT_LOCAL_PORT"; exit 1
  else
    log "starting server on 127.0.0.1:$port (PREFECT_HOME=$PREFECT_HOME, log $run/server.log)"
    (cd "$PREFECT_HOME" && unset PREFECT_API_URL && spawn server "$bin/prefect" server start --host 127.0.0.1 --port "$port")
    for _ in $(seq 1 240); do healthy && break; [[ -n "$(ours server)" ]] || break; sleep 0.5; done
    healthy || { log "server did not start; see $run/server.log"; tail -20 "$run/server.log" >&2; exit 1; }
  fi
  cd "$here"
  "$bin/prefect" work-pool inspect "$pool" >/dev/null 2>&1 \
    || "$bin/prefect" work-pool create "$pool" --type process >/dev/null
  log "deploying prefect.yaml (ingest hourly, reindex on demand)"
  "$bin/prefect" --no-prompt deploy --all >"$run/deploy.log" 2>&1 \
    || { log "deploy failed; see $run/deploy.log"; tail -20 "$run/deploy.log" >&2; exit 1; }
  if [[ -n "$(ours worker)" ]]; then
    log "worker already running (pid $(ours worker))"
  else
    spawn worker "$bin/prefect" worker start --pool "$pool" --type process
    log "worker started (log $run/worker.log)"
  fi
  echo "Prefect UI: http://127.0.0.1:$port    in your shell: export PREFECT_API_URL=$PREFECT_API_URL"
}

stop_one() {
  local name=$1 pid
  pid=$(ours "$name" || true)
  if [[ -z "$pid" ]]; then rm -f "$run/$name.pid"; return 0; fi
  log "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$run/$name.pid"
}

stop() { stop_one worker; stop_one server; }

status() {
  local s w
  s=$(ours server || true); w=$(ours worker || true)
  echo "server: ${s:+running (pid $s)}$([[ -n "$s" ]] || echo stopped)" \
       " worker: ${w:+running (pid $w)}$([[ -n "$w" ]] || echo stopped)  api: $PREFECT_API_URL"
  [[ -n "$s" ]]
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
