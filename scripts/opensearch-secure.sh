#!/usr/bin/env bash
# A second local OpenSearch node WITH the security plugin: TLS on HTTP and transport, basic auth.
# It exists to test newsindex against a cluster like the one docker-compose runs (security on).
#
# - OpenSearch itself comes from scripts/opensearch-local.sh install (same pinned version, same cache);
#   the security plugin zip org.opensearch.plugin:opensearch-security:$OPENSEARCH_SECURITY_VERSION
#   is fetched from Maven Central with mvn into $NEWSINDEX_CACHE/m2 and installed into a copy of it.
# - A throwaway CA and a node certificate (SAN 127.0.0.1, localhost) are generated with openssl, per port.
# - The admin password comes from OPENSEARCH_PASSWORD (or OPENSEARCH_INITIAL_ADMIN_PASSWORD); it is
#   hashed with the plugin's own tools/hash.sh and never written to disk in clear, nor put on a command line.
#
# - It is a throwaway node for tests and trials: its data is wiped at every start.
#
# usage: OPENSEARCH_PASSWORD=... scripts/opensearch-secure.sh start|stop|status|ca-path|env
#   NEWSINDEX_SECURE_PORT (default 9210), NEWSINDEX_CACHE (default .cache), OPENSEARCH_HEAP (default 512m)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC1091
source "$here/config/versions.env"
v=$OPENSEARCH_VERSION
sv=$OPENSEARCH_SECURITY_VERSION
port=${NEWSINDEX_SECURE_PORT:-9210}
[[ "$port" =~ ^[0-9]+$ ]] || { echo "NEWSINDEX_SECURE_PORT must be a number" >&2; exit 2; }
export NEWSINDEX_CACHE=${NEWSINDEX_CACHE:-$here/.cache}
cache=$NEWSINDEX_CACHE
heap=${OPENSEARCH_HEAP:-512m}
m2=$cache/m2
user=admin

log_name=opensearch-secure
# shellcheck disable=SC1091
source "$here/scripts/opensearch-common.sh"
nodes=$(node_root "$cache")
base=$nodes/opensearch-$v
home=$nodes/opensearch-secure-$v
data=$nodes/opensearch-secure-data-$port
conf=$data/config
certs=$conf/certs
pidfile=$data/opensearch.pid

password() {
  local pw=${OPENSEARCH_PASSWORD:-${OPENSEARCH_INITIAL_ADMIN_PASSWORD:-}}
  [[ -n "$pw" ]] || { log "set OPENSEARCH_PASSWORD (the admin password for this node)"; return 1; }
  printf '%s' "$pw"
}

# curl with the password passed on stdin (-K -), never on the command line where `ps` shows it.
scurl() {
  local pw; pw=$(password)
  printf 'user = "%s:%s"\n' "$user" "${pw//\"/\\\"}" | curl -s -K - --cacert "$certs/ca.pem" "$@"
}

answers() { curl -s -o /dev/null -m 3 -k "https://127.0.0.1:$port/" ; }

install() {
  [[ -f "$home/.complete" ]] && return 0
  "$here/scripts/opensearch-local.sh" install
  command -v mvn >/dev/null || { log "needs Maven (mvn) to fetch the security plugin"; return 1; }
  local zip=$m2/org/opensearch/plugin/opensearch-security/$sv/opensearch-security-$sv.zip
  if [[ ! -f "$zip" ]]; then
    log "fetching opensearch-security $sv from Maven Central into $cache (once)"
    mvn_get "org.opensearch.plugin:opensearch-security:$sv:zip"
  fi
  local java; java=$(find_java)
  rm -rf "$home"; cp -a "$base" "$home"; rm -f "$home/.complete"
  rule_framework_shim "$java"
  JAVA_HOME="$java" OPENSEARCH_JAVA_HOME="$java" OPENSEARCH_PATH_CONF="$home/config" \
    "$home/bin/opensearch-plugin" install --batch "file://$zip" >>"$cache/fetch.log" 2>&1 \
    || { log "could not install the security plugin (see $cache/fetch.log)"; return 1; }
  touch "$home/.complete"
}

rule_framework_shim() {
  # The security plugin declares `extended.plugins=rule-framework`: a module of the full distribution
  # (modules/autotagging-commons) that Maven Central does not publish and the integ-test zip lacks.
  # Security only touches it through an SPI for workload-management auto-tagging, which we do not use,
  # so an empty extensible plugin named rule-framework lets the real security plugin load. Built here
  # from source with the JDK's javac against the distribution's own jars.
  local java=$1 t; t=$(mktemp -d)
  mkdir -p "$t/src/org/newsindex/shim" "$t/out" "$home/modules/rule-framework"
  cat >"$t/src/org/newsindex/shim/RuleFrameworkShim.java" <<'JAVA'
package org.newsindex.shim;

import org.opensearch.plugins.ExtensiblePlugin;
import org.opensearch.plugins.Plugin;

/** Stands in for the rule-framework module of the full distribution (not published on Maven Central). */
public class RuleFrameworkShim extends Plugin implements ExtensiblePlugin {
}
JAVA
  "$java/bin/javac" -nowarn --release 21 -cp "$home/lib/*" -d "$t/out" "$t/src/org/newsindex/shim/RuleFrameworkShim.java" \
    && "$java/bin/jar" cf "$home/modules/rule-framework/rule-framework-shim.jar" -C "$t/out" . \
    || { log "could not build the rule-framework shim (needs a JDK with javac)"; rm -rf "$t"; return 1; }
  rm -rf "$t"
  # The real module also carries commons-collections4, which the security plugin uses at runtime.
  mvn_get "org.apache.commons:commons-collections4:4.4"
  cp "$m2/org/apache/commons/commons-collections4/4.4/commons-collections4-4.4.jar" "$home/modules/rule-framework/"
  descriptor rule-framework org.newsindex.shim.RuleFrameworkShim "" \
    "newsindex stand-in for the rule-framework module (empty extensible plugin)" \
    >"$home/modules/rule-framework/plugin-descriptor.properties"
}

make_certs() {
  [[ -f "$certs/node.pem" ]] && return 0
  mkdir -p "$certs"
  local t; t=$(mktemp -d)
  openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$certs/ca-key.pem"
  openssl req -x509 -new -key "$certs/ca-key.pem" -sha256 -days 825 -subj "/O=newsindex-local/CN=newsindex test CA" \
    -out "$certs/ca.pem" 2>/dev/null
  openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$certs/node-key.pem"  # PKCS#8
  openssl req -new -key "$certs/node-key.pem" -subj "/O=newsindex-local/CN=node" -out "$t/node.csr" 2>/dev/null
  cat >"$t/ext" <<EXT
basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EXT
  openssl x509 -req -in "$t/node.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca-key.pem" -CAcreateserial \
    -days 825 -sha256 -extfile "$t/ext" -out "$certs/node.pem" 2>/dev/null
  rm -rf "$t"
  chmod 600 "$certs/ca-key.pem" "$certs/node-key.pem"
}

configure() {
  # Per-port config dir (OPENSEARCH_PATH_CONF): certs, users and settings of this node only.
  local java; java=$1
  if [[ ! -f "$conf/.complete" ]]; then
    rm -rf "$conf"; mkdir -p "$data"
    cp -a "$home/config" "$conf"
  fi
  make_certs
  # The admin user with a bcrypt hash made by the plugin's own tool; the password goes through the env.
  local hash
  hash=$(NEWSINDEX_ADMIN_PW=$(password) JAVA_HOME="$java" OPENSEARCH_JAVA_HOME="$java" \
         bash "$home/plugins/opensearch-security/tools/hash.sh" -env NEWSINDEX_ADMIN_PW 2>/dev/null | tail -n 1)
  [[ "$hash" == \$2* ]] || { log "could not hash the admin password"; return 1; }
  cat >"$conf/opensearch-security/internal_users.yml" <<YML
_meta:
  type: "internalusers"
  config_version: 2
$user:
  hash: "$hash"
  reserved: true
  backend_roles: ["admin"]
  description: "admin of the local newsindex test node"
YML
  chmod 600 "$conf/opensearch-security/internal_users.yml"
  cat >"$conf/opensearch.yml" <<YML
# written by scripts/opensearch-secure.sh
plugins.security.ssl.transport.pemcert_filepath: certs/node.pem
plugins.security.ssl.transport.pemkey_filepath: certs/node-key.pem
plugins.security.ssl.transport.pemtrustedcas_filepath: certs/ca.pem
plugins.security.ssl.transport.enforce_hostname_verification: false
plugins.security.ssl.http.enabled: true
plugins.security.ssl.http.pemcert_filepath: certs/node.pem
plugins.security.ssl.http.pemkey_filepath: certs/node-key.pem
plugins.security.ssl.http.pemtrustedcas_filepath: certs/ca.pem
plugins.security.allow_default_init_securityindex: true
plugins.security.nodes_dn: ["CN=node,O=newsindex-local"]
plugins.security.authcz.admin_dn: ["CN=admin,O=newsindex-local"]
plugins.security.audit.type: noop
plugins.security.restapi.roles_enabled: ["all_access"]
plugins.security.check_snapshot_restore_write_privileges: true
YML
  touch "$conf/.complete"
}

start() {
  password >/dev/null
  if answers; then log "already answering at https://127.0.0.1:$port"; return 0; fi
  install
  local java; java=$(find_java)
  configure "$java"
  # A throwaway test node: the security config (users, hashes) lives in a system index that is only
  # initialised from internal_users.yml on an empty cluster, so start empty and the password from the
  # environment always applies.
  rm -rf "$data/data"
  mkdir -p "$data/data" "$data/logs"
  local flags; mapfile -t flags < <(node_flags newsindex-secure)
  log "starting OpenSearch $v + security $sv on https://127.0.0.1:$port (data in $data)"
  run_as env JAVA_HOME="$java" OPENSEARCH_JAVA_HOME="$java" OPENSEARCH_PATH_CONF="$conf" \
    OPENSEARCH_JAVA_OPTS="-Xms$heap -Xmx$heap" \
    "$home/bin/opensearch" -d -p "$pidfile" "${flags[@]}" \
    </dev/null >"$data/logs/stdout.log" 2>&1 \
    || { log "failed to start; see $data/logs"; tail -n 20 "$data/logs/stdout.log" >&2; return 1; }
  local i
  for i in $(seq 1 300); do
    if scurl -m 3 "https://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
        | grep -qE '"status":"(yellow|green)"'; then
      log "ready at https://127.0.0.1:$port (user $user, CA $certs/ca.pem)"; return 0
    fi
    sleep 1
  done
  log "did not become ready in 300 s; see $data/logs"; return 1
}

status() {
  if answers; then
    local who="another process"; ours_running && who="ours (pid $(cat "$pidfile"))"
    log "answering at https://127.0.0.1:$port: $who"
  else
    log "nothing answers at https://127.0.0.1:$port"; return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop_node ;;
  status) status ;;
  install) install ;;
  ca-path) echo "$certs/ca.pem" ;;
  env) printf 'OPENSEARCH_URL=https://127.0.0.1:%s\nOPENSEARCH_USER=%s\nOPENSEARCH_CA_CERTS=%s\n' "$port" "$user" "$certs/ca.pem" ;;
  *) echo "usage: $0 start|stop|status|install|ca-path|env" >&2; exit 2 ;;
esac
