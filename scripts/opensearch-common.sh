# Shared by scripts/opensearch-local.sh and scripts/opensearch-secure.sh (sourced, not run).
# Callers set: log_name, cache, m2, home, data, pidfile, port.

log() { echo "$log_name: $*" >&2; }

node_root() {
  # Where a node's install and data live: the cache, unless we run as root and the `opensearch` user we hand
  # the node to cannot reach it (a clone under /root, mode 700): then a folder of its own under /var/cache.
  local c=$1
  if [[ $(id -u) -eq 0 ]]; then
    id opensearch >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin opensearch
    mkdir -p "$c"
    if ! runuser -u opensearch -- test -x "$c" 2>/dev/null; then
      c=/var/cache/newsindex/$(printf '%s' "$c" | sha1sum | cut -c1-12)
      mkdir -p "$c"
    fi
  fi
  printf '%s\n' "$c"
}

find_java() {
  # OpenSearch 3.x needs Java 21+.
  local c major
  for c in "${OPENSEARCH_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
           /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 "${JAVA_HOME:-}"; do
    [[ -n "$c" && -x "$c/bin/java" ]] || continue
    major=$("$c/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    if [[ -n "$major" && "$major" -ge 21 ]]; then echo "$c"; return 0; fi
  done
  log "needs a Java 21+ JDK (set OPENSEARCH_JAVA_HOME)"; return 1
}

mvn_get() {
  # mvn_get group:artifact:version[:packaging] -> lands in $m2; output goes to $cache/fetch.log
  mkdir -p "$cache"
  mvn -q -B -Dstyle.color=never -Dmaven.repo.local="$m2" dependency:get -Dtransitive=false \
    -Dartifact="$1" >>"$cache/fetch.log" 2>&1 \
    || { log "could not fetch $1 from Maven Central (see $cache/fetch.log)"; return 1; }
}

run_as() {
  # OpenSearch refuses to run as root: give it a system user of its own, as the official image does.
  if [[ $(id -u) -eq 0 ]]; then
    chown -R opensearch: "$home" "$data"
    runuser -u opensearch -- "$@"
  else
    "$@"
  fi
}

ours_running() {
  [[ -f "$pidfile" ]] || return 1
  local pid; pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -q "$home" "/proc/$pid/cmdline" 2>/dev/null
}

node_flags() {
  # One node on loopback; small absolute disk watermarks so a nearly full dev disk still takes writes.
  local name=$1
  printf '%s\n' -Enetwork.host=127.0.0.1 -Ehttp.port="$port" -Etransport.port=$((port + 100)) \
    -Ediscovery.type=single-node -Ecluster.name="$name" -Enode.name="$name" \
    -Epath.data="$data/data" -Epath.logs="$data/logs"
  disk_flags
}

disk_flags() {
  # Small absolute disk watermarks, so a nearly full dev disk still takes writes (every local node).
  printf '%s\n' -Ecluster.routing.allocation.disk.watermark.low=1gb \
    -Ecluster.routing.allocation.disk.watermark.high=500mb \
    -Ecluster.routing.allocation.disk.watermark.flood_stage=200mb
}

port_taken() {
  # Something (anything) listens on 127.0.0.1:$1.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_node() {
  # Stops only the process this script started (pid file + our install dir on its command line).
  if ours_running; then
    local pid i; pid=$(cat "$pidfile")
    kill "$pid"
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    rm -f "$pidfile"
    log "stopped the node on port $port"
  else
    log "no node of ours is running on port $port"
  fi
}

descriptor() {
  # plugin-descriptor.properties of a module we add: name classname extended-plugins description
  cat <<PROPS
description=$4
version=$v
name=$1
classname=$2
java.version=21
opensearch.version=$v
custom.foldername=
extended.plugins=$3
has.native.controller=false
PROPS
}
