#!/usr/bin/env bash
# A local OpenSearch cluster of several nodes on 127.0.0.1, from the same distribution as
# scripts/opensearch-local.sh (which installs it once into the cache). It exists to run newsindex against
# replicas and to kill nodes in tests: every node is cluster-manager eligible and holds data.
#
# The nodes are the URLs of OPENSEARCH_URL (comma-separated, default three on 9240-9242); each node's
# transport port is its HTTP port + 100. They find each other with discovery.seed_hosts (every transport
# port) and bootstrap once with cluster.initial_cluster_manager_nodes (every node name).
#
# usage: scripts/opensearch-cluster.sh start|stop|status|wait-green|start-node PORT|stop-node PORT|pidfile PORT
#   OPENSEARCH_URL (the nodes), NEWSINDEX_CACHE (default .cache), OPENSEARCH_HEAP (default 256m per node),
#   OPENSEARCH_JAVA_EXTRA (more JVM flags for every node, e.g. -XX:TieredStopAtLevel=1 to boot on less CPU),
#   NEWSINDEX_CLUSTER_DATA (where the nodes keep data and logs; default <cache>/opensearch-cluster-<first port>)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC1091
source "$here/config/versions.env"
v=$OPENSEARCH_VERSION
export NEWSINDEX_CACHE=${NEWSINDEX_CACHE:-$here/.cache}
cache=$NEWSINDEX_CACHE
heap=${OPENSEARCH_HEAP:-256m}
m2=$cache/m2

log_name=opensearch-cluster
# shellcheck disable=SC1091
source "$here/scripts/opensearch-common.sh"

ports=()
IFS=',' read -r -a urls <<<"${OPENSEARCH_URL:-http://127.0.0.1:9240,http://127.0.0.1:9241,http://127.0.0.1:9242}"
for u in "${urls[@]}"; do
  hp=${u#*://}; hp=${hp%%/*}; p=${hp##*:}
  [[ "$p" =~ ^[0-9]+$ ]] || { log "cannot read a port in $u (OPENSEARCH_URL)"; exit 2; }
  ports+=("$p")
done
((${#ports[@]} >= 2)) || { log "OPENSEARCH_URL names one node; a cluster needs several (comma-separated URLs)"; exit 2; }

first=${ports[0]}
nodes=$(node_root "$cache")
home=$nodes/opensearch-$v
root=${NEWSINDEX_CLUSTER_DATA:-$nodes/opensearch-cluster-$first}
name=newsindex-cluster-$first  # distinct per port set, so two people's clusters never merge
seeds=""; managers=""
for p in "${ports[@]}"; do seeds+="${seeds:+,}127.0.0.1:$((p + 100))"; managers+="${managers:+,}node-$p"; done

select_node() {
  # Sets the globals opensearch-common.sh's functions read (port, data, pidfile) for the node on $1.
  port=$1; data=$root/node-$port; pidfile=$data/opensearch.pid
}

ours() {
  # The node on $1 answers and belongs to this cluster (not someone else's node on the same port).
  curl -s -m 3 "http://127.0.0.1:$1/" 2>/dev/null | grep -q "\"cluster_name\" : \"$name\""
}

health() {
  # _cluster/health of the first node of ours that answers; $1 = query string.
  local p
  for p in "${ports[@]}"; do
    ours "$p" || continue
    curl -s -m 70 "http://127.0.0.1:$p/_cluster/health?$1" && return 0
  done
  return 1
}

launch() {
  select_node "$1"
  if ours "$port"; then log "node-$port already answering"; return 0; fi
  if port_taken "$port" || port_taken $((port + 100)); then
    log "port $port or $((port + 100)) is taken by another process: choose other ports in OPENSEARCH_URL"; return 1
  fi
  local java; java=$(find_java)
  mkdir -p "$data/data" "$data/logs"
  rm -f "$pidfile"  # a node killed with SIGKILL leaves its pid file behind
  local flags=(-Enetwork.host=127.0.0.1 -Ehttp.port="$port" -Etransport.port=$((port + 100))
               -Ecluster.name="$name" -Enode.name="node-$port"
               -Ediscovery.seed_hosts="$seeds" -Ecluster.initial_cluster_manager_nodes="$managers"
               -Epath.data="$data/data" -Epath.logs="$data/logs")
  local disk; mapfile -t disk < <(disk_flags)
  log "starting node-$port (transport $((port + 100)), heap $heap, data in $data)"
  run_as env JAVA_HOME="$java" OPENSEARCH_JAVA_HOME="$java" OPENSEARCH_JAVA_OPTS="-Xms$heap -Xmx$heap ${OPENSEARCH_JAVA_EXTRA:-}" \
    "$home/bin/opensearch" -d -p "$pidfile" "${flags[@]}" "${disk[@]}" \
    </dev/null >"$data/logs/stdout.log" 2>&1 \
    || { log "node-$port failed to start; see $data/logs"; tail -n 20 "$data/logs/stdout.log" >&2; return 1; }
}

wait_nodes() {
  # Until every node has joined (green is not required: a restarted node's replicas take a while).
  local i n=${#ports[@]}
  for i in $(seq 1 150); do
    if health "wait_for_nodes=$n&timeout=2s" 2>/dev/null | grep -q "\"number_of_nodes\":$n,"; then
      log "$n nodes formed cluster $name: ${urls[*]}"; return 0
    fi
    sleep 1
  done
  log "the cluster did not form within 150 s; see $root/node-*/logs"; return 1
}

start() {
  "$here/scripts/opensearch-local.sh" install
  mkdir -p "$root"
  local p pids=() failed=0
  for p in "${ports[@]}"; do launch "$p" & pids+=($!); done  # the JVMs boot in parallel
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  ((failed == 0)) || { stop; return 1; }
  wait_nodes
}

wait_green() {
  if health "wait_for_status=green&wait_for_nodes=${#ports[@]}&timeout=60s" | grep -q '"status":"green"'; then
    log "green"; return 0
  fi
  log "not green within 60 s:"; health "" >&2 || true; echo >&2; return 1
}

stop_one() { select_node "$1"; stop_node; }

stop() {
  local p pids=()
  for p in "${ports[@]}"; do stop_one "$p" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || true; done
}

status() {
  local p up=0
  for p in "${ports[@]}"; do
    select_node "$p"
    if ours "$p"; then
      up=$((up + 1)); log "node-$p answering$(ours_running && echo " (pid $(cat "$pidfile"))")"
    else
      log "node-$p not answering"
    fi
  done
  ((up > 0)) && { health "" | sed 's/^/  /'; echo; }
  ((up == ${#ports[@]}))
}

need_port() {
  [[ -n "${1:-}" && " ${ports[*]} " == *" $1 "* ]] || { log "name one of the ports ${ports[*]}"; exit 2; }
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  wait-green) wait_green ;;
  start-node) need_port "${2:-}"; launch "$2"; wait_nodes ;;
  stop-node) need_port "${2:-}"; stop_one "$2" ;;
  pidfile) need_port "${2:-}"; select_node "$2"; echo "$pidfile" ;;
  *) echo "usage: $0 start|stop|status|wait-green|start-node PORT|stop-node PORT|pidfile PORT" >&2; exit 2 ;;
esac
