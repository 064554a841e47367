#!/usr/bin/env bash
# Installs what the real-VS-Code tests and the demo need, offline except for the npm registry and Debian apt:
# chromium (the workbench renderer), ripgrep (code-server's search, and the pre-seeded download below),
# libkrb5-dev (code-server's kerberos module builds from source), and code-server 4.100.3 (= VS Code 1.100.3).
# The npm install of code-server and its native modules: coder/code-server docs/npm.md and ci/build/npm-postinstall.sh.
# Each workaround for an offline machine is explained where it is applied, here and in code-server.mjs.
#
# Idempotent and silent on reuse (it only speaks while installing): a complete install is marked by
# $DIR/.installed-<version>.
# PACHYDERM_CODE_SERVER_DIR overrides the install folder (default: <repo>/.cache/code-server), so CI and several
# clones can share one install. Prints the code-server binary path as its last line.
set -euo pipefail

VERSION=4.100.3
RIPGREP_NPM=1.15.11
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${PACHYDERM_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
BIN="$DIR/node_modules/.bin/code-server"
MARK="$DIR/.installed-$VERSION"

log() { echo "install-code-server: $*" >&2; }

# --- system packages --------------------------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
if [ ! -f "$MARK" ]; then
  # Only needed to build code-server's native modules.
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-code-server: need root or sudo to apt-get install ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  echo "install-code-server: apt-get install ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f "$MARK" ] && [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

# --- code-server -----------------------------------------------------------------------------------------------
# One installer at a time (a demo and a test run started together on a fresh clone); the second one reuses.
mkdir -p "$(dirname "$DIR")"
exec 9>"$DIR.lock"
flock 9
if [ -f "$MARK" ] && [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi
log "installing code-server $VERSION into $DIR (about 90 s)"
# Fix A: @vscode/ripgrep's postinstall would download this tarball from GitHub; give it Debian's rg instead.
TMPD="$(node -p 'os.tmpdir()')"
RGCACHE="$TMPD/vscode-ripgrep-cache-$RIPGREP_NPM"
RGTAR="$RGCACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RGTAR" ]; then
  RGPACK="$(mktemp -d)"
  mkdir -p "$RGCACHE"
  cp "$(command -v rg)" "$RGPACK/rg"
  tar czf "$RGTAR" -C "$RGPACK" rg
  rm -rf "$RGPACK"
fi

rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
printf '{ "name": "code-server-install", "private": true }\n' > package.json
INSTALL_LOG="$DIR/install.log"
# B: npx may fetch node-gyp; C: postinstall refuses root without unsafe-perm; E: headers from the system Node.
if ! npm_config_nodedir=/usr npm_config_yes=true npm_config_unsafe_perm=true \
  npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$VERSION" >"$INSTALL_LOG" 2>&1; then
  tail -n 60 "$INSTALL_LOG" >&2
  echo "install-code-server: npm install failed; full log in $INSTALL_LOG" >&2
  exit 1
fi
# postinstall.sh can fail softly for a nested folder; the workbench needs all three.
for f in lib/vscode/out/server-main.js lib/vscode/node_modules lib/vscode/extensions/node_modules; do
  if [ ! -e "$DIR/node_modules/code-server/$f" ]; then
    tail -n 60 "$INSTALL_LOG" >&2
    echo "install-code-server: incomplete install, $f is missing; full log in $INSTALL_LOG" >&2
    exit 1
  fi
done
touch "$MARK"
log "done"
echo "$BIN"
