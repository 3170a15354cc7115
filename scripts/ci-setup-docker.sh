#!/usr/bin/env bash
# Installs (idempotently) a Docker engine and Compose v2, starts an isolated dockerd that leaves
# nothing behind in the system's docker folders, imports an offline busybox image, and writes a
# state file the compose tests read. See shared notes "backends.md" for why each step is so.
#
#   bash scripts/ci-setup-docker.sh          install if needed, start (or reuse) the daemon
#   bash scripts/ci-setup-docker.sh stop     stop the daemon started here, by its pid
#
# State file (shell-sourceable KEY=VALUE lines): $BULWARK_DOCKER_DIR/env, by default
# /tmp/bulwark-docker/env, holding DOCKER_HOST, DOCKER_CONFIG and BULWARK_TEST_IMAGE.
set -euo pipefail

D="${BULWARK_DOCKER_DIR:-/tmp/bulwark-docker}"
IMAGE="localtest/busybox:1"
mkdir -p "$D"

log() { printf '[ci-setup-docker] %s\n' "$*" >&2; }

stop_daemon() {
  if [[ -f "$D/pid" ]]; then
    local pid
    pid="$(cat "$D/pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$D/pid"
  fi
  rm -f "$D/env"
}

if [[ "${1:-}" == "stop" ]]; then
  stop_daemon
  exit 0
fi

export DOCKER_CONFIG="$D/config"
export DOCKER_HOST="unix://$D/docker.sock"
mkdir -p "$DOCKER_CONFIG/cli-plugins"

apt_updated=0
apt_update_once() {
  if [[ $apt_updated -eq 0 ]]; then
    apt-get update -qq >&2
    apt_updated=1
  fi
}

# 1. Engine, static busybox (for the offline image), iptables (dockerd insists on the binary).
if ! command -v dockerd >/dev/null || ! [[ -x /bin/busybox ]] || ! command -v iptables >/dev/null; then
  log "installing docker.io busybox-static iptables"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    docker.io busybox-static iptables >&2
fi

# 2. Compose v2 from Debian trixie, fetched with a separate apt state so the system's apt setup
#    stays untouched.
plugin="$DOCKER_CONFIG/cli-plugins/docker-compose"
if ! [[ -x "$plugin" ]]; then
  log "fetching Compose v2 (trixie docker-compose package)"
  A="$D/apt"
  mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/dl"
  mirror="$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  echo "deb [trusted=yes] $mirror trixie main" >"$A/sources.list"
  opts=(-o "Dir::State::Lists=$A/lists" -o "Dir::Etc::SourceList=$A/sources.list"
    -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::Cache=$A/cache" -o "Acquire::Check-Valid-Until=false"
    -o "APT::Get::List-Cleanup=0")
  apt-get "${opts[@]}" update -qq >&2
  (cd "$A/dl" && apt-get "${opts[@]}" download docker-compose >&2)
  deb="$(ls "$A"/dl/docker-compose_*.deb | head -n1)"
  rm -rf "$A/x" && dpkg-deb -x "$deb" "$A/x"
  install -m 0755 "$A/x/usr/libexec/docker/cli-plugins/docker-compose" "$plugin"
fi

# 3. The daemon: reuse a live one started earlier by this script, else start a fresh one.
alive() { [[ -f "$D/pid" ]] && kill -0 "$(cat "$D/pid")" 2>/dev/null && docker info >/dev/null 2>&1; }
if ! alive; then
  stop_daemon
  mkdir -p "$D/root" "$D/exec"
  log "starting dockerd in $D"
  # setsid: its own session, so nothing else's signals reach it; stopped by pid with "stop".
  setsid dockerd --data-root "$D/root" --exec-root "$D/exec" -H "$DOCKER_HOST" --pidfile "$D/pid" \
    --bridge=none --iptables=false --ip6tables=false --ip-masq=false --userland-proxy=false \
    >"$D/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 300); do
    docker info >/dev/null 2>&1 && break
    sleep 0.1
  done
  if ! docker info >/dev/null 2>&1; then
    log "dockerd did not come up; its log:"
    tail -n 40 "$D/dockerd.log" >&2
    exit 1
  fi
fi

# 4. An offline image: a rootfs with Debian's static busybox and the applets the fixtures use.
if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "importing $IMAGE"
  R="$D/rootfs"
  rm -rf "$R" && mkdir -p "$R/bin" "$R/tmp" "$R/www"
  cp /bin/busybox "$R/bin/busybox"
  for applet in sh sleep httpd wget cat echo ls test true false kill ps env date; do
    ln -sf busybox "$R/bin/$applet"
  done
  tar -C "$R" -c . | docker import - "$IMAGE" >/dev/null
fi

docker compose version >/dev/null

cat >"$D/env.tmp" <<EOF
DOCKER_HOST=$DOCKER_HOST
DOCKER_CONFIG=$DOCKER_CONFIG
BULWARK_TEST_IMAGE=$IMAGE
EOF
mv "$D/env.tmp" "$D/env"
log "ready: DOCKER_HOST=$DOCKER_HOST ($(docker compose version --short))"
