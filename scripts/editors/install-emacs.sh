#!/usr/bin/env bash
# Installs what the Emacs test needs from Debian: a terminal-only Emacs and eglot (its LSP client,
# packaged as elpa-eglot; Debian 12 ships Emacs 28.2 and eglot 1.9).
# Idempotent: nothing is done when both are installed, and the package lists are only refreshed
# when something is missing. Runs apt as root, through sudo otherwise.
set -euo pipefail

packages=(emacs-nox elpa-eglot)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "emacs test packages: all present"
  exit 0
fi

apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -qq)
[ "$(id -u)" -eq 0 ] || apt=(sudo "${apt[@]}")
echo "emacs test packages: installing ${missing[*]}"
# Other jobs on the machine may hold the dpkg lock; the timeout above waits for it rather than fail.
"${apt[@]}" update
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
echo "emacs test packages: done"
