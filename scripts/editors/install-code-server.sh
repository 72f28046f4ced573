#!/usr/bin/env bash
# Installs code-server (VS Code in a browser, from npm) once per machine, outside the repository,
# and prints the path of its binary on stdout. Progress and errors go to stderr.
#   UNITSMITH_CACHE       cache root (default /var/cache/unitsmith, or ~/.cache/unitsmith when
#                         that is not writable)
#   CODE_SERVER_VERSION   default 4.99.4 (VS Code 1.99.3, the last line that runs on Node 20)
# Needs the Debian packages from install-deps.sh (compilers and headers for its native modules).
set -euo pipefail

version="${CODE_SERVER_VERSION:-4.99.4}"
default_cache=/var/cache/unitsmith
mkdir -p "$default_cache" 2>/dev/null && [ -w "$default_cache" ] || default_cache="${XDG_CACHE_HOME:-$HOME/.cache}/unitsmith"
cache_root="${UNITSMITH_CACHE:-$default_cache}"
prefix="$cache_root/code-server-$version"
bin="$prefix/node_modules/.bin/code-server"
marker="$prefix/.installed"

if [ -f "$marker" ] && [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

mkdir -p "$cache_root"
# One install at a time per machine; a second caller waits and then finds it done.
exec 9>"$cache_root/.code-server-$version.lock"
flock -w 900 9
if [ -f "$marker" ] && [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

command -v rg >/dev/null || { echo "ripgrep is missing: run scripts/editors/install-deps.sh" >&2; exit 1; }
command -v c++ >/dev/null || { echo "a C++ compiler is missing: run scripts/editors/install-deps.sh" >&2; exit 1; }

work_tmp="$(mktemp -d)"
trap 'rm -rf "$work_tmp"' EXIT

# @vscode/ripgrep's postinstall fetches rg from GitHub unless its cache (under $TMPDIR) already
# holds the release tarball; seed that cache with Debian's rg so nothing leaves the machine.
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) echo "unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
rg_cache="$work_tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rg_cache"
tar czf "$rg_cache/ripgrep-v13.0.0-10-$rg_target.tar.gz" -C "$(dirname "$(command -v rg)")" rg

rm -rf "$prefix"
mkdir -p "$prefix"
cat >"$prefix/package.json" <<JSON
{ "private": true, "dependencies": { "code-server": "$version" } }
JSON

# Install scripts must run here: code-server's postinstall runs `npm install` in nested projects
# (VS Code's own dependencies) that build native modules (node-pty, spdlog, kerberos, ...).
# npm exports an allow-scripts list into those nested installs' environment, where it rejects it,
# so this one pinned install allows all scripts instead of naming them. As root, code-server's
# postinstall refuses to run without unsafe-perm; node-pty's runs `npx node-gyp`, hence yes.
echo "installing code-server $version into $prefix (a few minutes, once per machine)" >&2
log="$work_tmp/npm.log"
started=$SECONDS
if ! (
  cd "$prefix" &&
    TMPDIR="$work_tmp" \
    npm_config_dangerously_allow_all_scripts=true \
    npm_config_unsafe_perm=true \
    npm_config_yes=true \
    npm_config_fund=false \
    npm_config_audit=false \
    npm install --no-package-lock >"$log" 2>&1
); then
  tail -n 60 "$log" >&2
  echo "code-server install failed (the last 60 lines of npm's output are above)" >&2
  exit 1
fi
[ -x "$bin" ] || { tail -n 60 "$log" >&2; echo "code-server binary missing after install" >&2; exit 1; }
touch "$marker"
echo "code-server $version installed in $((SECONDS - started)) s" >&2
echo "$bin"
