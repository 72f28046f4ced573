#!/usr/bin/env bash
# Installs the Debian packages the real-editor tests need: Chromium (drives code-server's UI),
# Neovim (a second LSP client) and what code-server's native modules build against.
# Idempotent: packages already present are skipped, and apt is not touched when nothing is missing.
set -euo pipefail

packages=(
  chromium neovim ripgrep
  build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "editor test packages: all present"
  exit 0
fi

apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -qq)
[ "$(id -u)" -eq 0 ] || apt=(sudo "${apt[@]}")
echo "editor test packages: installing ${missing[*]}"
# Other jobs on the machine may hold the dpkg lock; the timeout above waits for it rather than fail.
"${apt[@]}" update
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
echo "editor test packages: done"
