#!/bin/sh
# Installs what the real-systemd tests need: debootstrap (to build the container
# rootfs), systemd-nspawn, and ansible-core (the fleet deploy drives it against containers). systemd-container is pinned to the host's systemd
# version so apt never upgrades the host's systemd along with it.
# Safe to run again: packages already present are left alone.
set -eu

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: must run as root" >&2
  exit 1
fi

systemd_version=$(dpkg-query -W -f='${Version}' systemd)
status() { dpkg-query -W -f='${db:Status-Status} ${Version}' "$1" 2>/dev/null || true; }

if [ "$(status debootstrap | cut -d' ' -f1)" = installed ] \
  && [ "$(status systemd-container)" = "installed $systemd_version" ] \
  && [ "$(status ansible-core | cut -d' ' -f1)" = installed ]; then
  echo "install-deps: debootstrap, systemd-container $systemd_version and ansible-core already installed"
  exit 0
fi

echo "install-deps: apt-get update"
apt-get update -qq
echo "install-deps: installing debootstrap, systemd-container=$systemd_version and ansible-core"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  debootstrap "systemd-container=$systemd_version" ansible-core >/dev/null; then
  echo "install-deps: apt-get install failed. If systemd-container $systemd_version is no longer" >&2
  echo "in the configured repositories, upgrade the host's systemd first (apt-get install systemd)." >&2
  exit 1
fi
echo "install-deps: done"
