#!/usr/bin/env bash
# Installs what the Kate test needs from Debian: Kate itself (22.12 on Debian 12, with its LSP
# client plugin), Xvfb for a display it can draw on, and xdotool to type and press keys in it.
# Idempotent: nothing is done when all are installed, and the package lists are only refreshed
# when something is missing. Runs apt as root, through sudo otherwise.
set -euo pipefail

packages=(kate xvfb xdotool)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "kate test packages: all present"
  exit 0
fi

apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -qq)
[ "$(id -u)" -eq 0 ] || apt=(sudo "${apt[@]}")
echo "kate test packages: installing ${missing[*]}"
# Other jobs on the machine may hold the dpkg lock; the timeout above waits for it rather than fail.
"${apt[@]}" update
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
echo "kate test packages: done"
