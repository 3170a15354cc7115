#!/usr/bin/env bash
# Installs what the VS Code end-to-end tests need, or reuses it: Debian's Chromium, ripgrep and
# libkrb5-dev (apt), and code-server 4.100.3 (VS Code 1.100.3 with a Node extension host) into
# .e2e-cache/ at the repository root, outside node_modules: it is heavy and needs root-only
# install workarounds, so it is not one of the project's dependencies.
# Idempotent: a second run only checks a marker file and `command -v`.
# See docs/e2e.md and shared/notes/vscode-e2e.md for why each workaround is there.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep version code-server 4.100.3 depends on, and the rg release it downloads.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${BULWARK_E2E_CACHE:-$root/.e2e-cache}"
marker="$cache/.installed-code-server-$CODE_SERVER_VERSION"

log() { echo "e2e-setup: $*" >&2; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: ${missing[*]}; install them as root: apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f "$marker" ] && [ -x "$cache/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION already in $cache"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $cache (about a minute)"
mkdir -p "$cache"

# @vscode/ripgrep's postinstall downloads rg from the internet; seed its cache with Debian's rg
# (the same upstream 13.0.0) so it finds the archive there instead.
tmp="${TMPDIR:-/tmp}"
rg_cache="$tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
if [ ! -f "$rg_cache/$RIPGREP_ASSET" ]; then
  mkdir -p "$rg_cache"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$rg_cache/$RIPGREP_ASSET" -C "$staging" rg
  rm -rf "$staging"
fi

[ -f "$cache/package.json" ] || echo '{ "name": "bulwark-e2e-cache", "private": true }' >"$cache/package.json"

# unsafe_perm: code-server's postinstall refuses to run as root otherwise;
# yes: node-pty's postinstall runs `npx node-gyp` and would wait for a prompt.
install=(npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
if command -v flock >/dev/null 2>&1; then install=(flock /tmp/npm.lock "${install[@]}"); fi
npm_config_unsafe_perm=true npm_config_yes=true "${install[@]}"

"$cache/node_modules/.bin/code-server" --version >/dev/null
touch "$marker"
log "code-server $CODE_SERVER_VERSION installed"
