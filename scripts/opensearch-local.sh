#!/usr/bin/env bash
# Run one real OpenSearch node on 127.0.0.1 for people (and CI) without Docker.
# The integ-test distribution from Maven Central carries only transport modules, so we add
# lang-painless and analysis-common (the english/russian analysers) from their Maven artifacts.
# usage: scripts/opensearch-local.sh start|stop|status
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC1091
source "$here/config/versions.env"
v=$OPENSEARCH_VERSION
url=${OPENSEARCH_URL:-http://127.0.0.1:9200}
url=${url%%,*}  # several nodes listed: this script runs the first
hostport=${url#*://}; hostport=${hostport%%/*}; port=${hostport##*:}
[[ "$port" =~ ^[0-9]+$ ]] || port=9200
cache=${NEWSINDEX_CACHE:-$here/.cache}
heap=${OPENSEARCH_HEAP:-512m}
m2=$cache/m2

log_name=opensearch
# shellcheck disable=SC1091
source "$here/scripts/opensearch-common.sh"
nodes=$(node_root "$cache")
home=$nodes/opensearch-$v
data=$nodes/opensearch-data-$port
pidfile=$data/opensearch.pid

answers() { curl -s -o /dev/null -m 3 "http://127.0.0.1:$port/" ; }

jar() { local g=${1//.//}; echo "$m2/$g/$2/$3/$2-$3.jar"; }

install() {
  [[ -f "$home/.complete" ]] && return 0
  command -v mvn >/dev/null || { log "needs Maven (mvn) to fetch OpenSearch $v"; return 1; }
  log "fetching OpenSearch $v from Maven Central into $cache (once)"
  mkdir -p "$cache"
  mvn_get "org.opensearch.distribution.integ-test-zip:opensearch:$v:zip"
  local a
  for a in org.opensearch.plugin:lang-painless:$v org.opensearch.plugin:opensearch-scripting-painless-spi:$v \
           org.opensearch.plugin:analysis-common:$v org.antlr:antlr4-runtime:4.13.1 \
           org.ow2.asm:asm:9.7 org.ow2.asm:asm-analysis:9.7 org.ow2.asm:asm-commons:9.7 \
           org.ow2.asm:asm-tree:9.7 org.ow2.asm:asm-util:9.7; do
    mvn_get "$a"
  done
  rm -rf "$home" "$cache/.unpack"; mkdir -p "$cache/.unpack"
  unzip -q "$m2/org/opensearch/distribution/integ-test-zip/opensearch/$v/opensearch-$v.zip" -d "$cache/.unpack"
  mv "$cache/.unpack/opensearch-$v" "$home"; rmdir "$cache/.unpack"
  mkdir -p "$home/modules/lang-painless" "$home/modules/analysis-common"
  cp "$(jar org.opensearch.plugin lang-painless "$v")" "$(jar org.opensearch.plugin opensearch-scripting-painless-spi "$v")" \
     "$(jar org.antlr antlr4-runtime 4.13.1)" "$home/modules/lang-painless/"
  for a in asm asm-analysis asm-commons asm-tree asm-util; do cp "$(jar org.ow2.asm $a 9.7)" "$home/modules/lang-painless/"; done
  cp "$(jar org.opensearch.plugin analysis-common "$v")" "$home/modules/analysis-common/"
  descriptor lang-painless org.opensearch.painless.PainlessModulePlugin "" "Painless scripting language" \
    > "$home/modules/lang-painless/plugin-descriptor.properties"
  descriptor analysis-common org.opensearch.analysis.common.CommonAnalysisModulePlugin lang-painless "Adds common analysis" \
    > "$home/modules/analysis-common/plugin-descriptor.properties"
  touch "$home/.complete"
}

orphan_pid() {
  # The pid of the node answering on $port when its install or data folder is gone (a deleted clone's node
  # left running): it answers, but cannot load a module or write a shard. Empty when the node is sound.
  local got home pid dir
  got=$(curl -s -m 5 "http://127.0.0.1:$port/_nodes/_local/settings,process?filter_path=nodes.*.settings.path,nodes.*.process.id" 2>/dev/null) || return 0
  home=$(sed -n 's/.*"home":"\([^"]*\)".*/\1/p' <<<"$got")
  pid=$(sed -n 's/.*"id":\([0-9][0-9]*\).*/\1/p' <<<"$got")
  [[ -n "$home" && -n "$pid" ]] || return 0
  for dir in "$home" $(sed -n 's/.*"data":\[\{0,1\}"\([^"]*\)".*/\1/p' <<<"$got"); do
    [[ -d "$dir" ]] || { log "the node answering on port $port (pid $pid) runs from $dir, which is gone"; echo "$pid"; return 0; }
  done
}

start() {
  local orphan; orphan=$(answers && orphan_pid || true)
  if [[ -n "$orphan" ]]; then
    log "stopping it and starting a node of this checkout"
    kill "$orphan" 2>/dev/null || { log "cannot stop pid $orphan: stop it, or set OPENSEARCH_URL to another port"; return 1; }
    local i; for i in $(seq 1 30); do kill -0 "$orphan" 2>/dev/null || break; sleep 1; done
    kill -0 "$orphan" 2>/dev/null && kill -9 "$orphan"
    for i in $(seq 1 10); do answers || break; sleep 1; done
  fi
  if answers; then log "already answering at http://127.0.0.1:$port"; return 0; fi
  install
  local java; java=$(find_java)
  mkdir -p "$data/data" "$data/logs"
  local flags; mapfile -t flags < <(node_flags newsindex-local)
  log "starting OpenSearch $v on 127.0.0.1:$port (heap $heap, data in $data)"
  run_as env JAVA_HOME="$java" OPENSEARCH_JAVA_HOME="$java" OPENSEARCH_JAVA_OPTS="-Xms$heap -Xmx$heap" \
    "$home/bin/opensearch" -d -p "$pidfile" "${flags[@]}" \
    </dev/null >"$data/logs/stdout.log" 2>&1 \
    || { log "failed to start; see $data/logs"; tail -n 20 "$data/logs/stdout.log" >&2; return 1; }
  local i
  for i in $(seq 1 120); do
    if curl -s -m 3 "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
        | grep -qE '"status":"(yellow|green)"'; then
      log "ready at http://127.0.0.1:$port"; return 0
    fi
    sleep 1
  done
  log "did not become ready in 120 s; see $data/logs"; return 1
}

status() {
  if answers; then
    local who="another process"; ours_running && who="ours (pid $(cat "$pidfile"))"
    log "answering at http://127.0.0.1:$port: $who"
  else
    log "nothing answers at http://127.0.0.1:$port"; return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop_node ;;
  status) status ;;
  install) install ;;
  pidfile) echo "$pidfile" ;;
  *) echo "usage: $0 start|stop|status|install|pidfile" >&2; exit 2 ;;
esac
