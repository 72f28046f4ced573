#!/bin/sh
# Prints the path of a tarball holding a minimal Debian rootfs that boots systemd
# in systemd-nspawn, building it with debootstrap the first time.
#
# The tarball is cached outside the repository (UNITSMITH_ROOTFS_CACHE, default
# /var/cache/unitsmith/systemd-rootfs) under a name derived from this script's own contents, so
# changing the package list or the set-up below builds a new one. Concurrent runs
# wait on a lock instead of building twice. Progress goes to stderr; stdout is
# only the path.
set -eu

suite=bookworm
# openssh-server, sudo and python3: the remote-host and fleet tests reach containers over ssh,
# and Ansible's modules run on python3.
packages=systemd,dbus,dbus-user-session,libpam-systemd,openssh-server,sudo,python3
cache_dir=${UNITSMITH_ROOTFS_CACHE:-/var/cache/unitsmith/systemd-rootfs}

log() { echo "rootfs: $*" >&2; }

# The host's Debian mirror for $suite: deb822 .sources stanzas or one-line .list
# entries; UNITSMITH_DEBIAN_MIRROR overrides.
host_mirror() {
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v suite="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      {
        uri = ""; ok = 0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { split($i, w, /[ \t]+/); uri = w[2] }
          if ($i ~ /^Suites:/) { n = split($i, w, /[ \t]+/); for (j = 2; j <= n; j++) if (w[j] == suite) ok = 1 }
        }
        if (ok && uri != "") { print uri; exit }
      }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v suite="$suite" '$1 == "deb" { u = ($2 ~ /^\[/) ? $3 : $2; s = ($2 ~ /^\[/) ? $4 : $3; if (s == suite) print u }' "$f"
  done
}

# Quietens the booted system: no periodic jobs during tests, no login prompt on
# the read-only console, nothing that waits for a network. The machine-id and
# hostname are left for systemd-nspawn to fill in per container.
customise() {
  root=$1
  for unit in apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer \
    console-getty.service getty@.service systemd-networkd-wait-online.service; do
    ln -sf /dev/null "$root/etc/systemd/system/$unit"
  done
  : >"$root/etc/machine-id"
  rm -f "$root/etc/hostname"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
}

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root"
  exit 1
fi
command -v debootstrap >/dev/null || {
  log "debootstrap is missing; run scripts/systemd-container/install-deps.sh"
  exit 1
}

key=$(sha256sum "$0" | cut -c1-16)
tarball="$cache_dir/rootfs-$suite-$key.tar"
mkdir -p "$cache_dir"

exec 9>"$cache_dir/.lock"
flock 9
if [ -f "$tarball" ]; then
  log "using cached $tarball"
  echo "$tarball"
  exit 0
fi

mirror=${UNITSMITH_DEBIAN_MIRROR:-$(host_mirror | head -n1)}
mirror=${mirror:-http://deb.debian.org/debian}
# An interrupted debootstrap can leave /proc or /sys mounted inside the target:
# unmount those before deleting, and never delete across a mount.
remove_build() {
  awk -v dir="$1/" 'index($5, dir) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
    while read -r mount_point; do umount --lazy "$mount_point"; done
  rm -rf --one-file-system "$1"
}
# Builds only happen under the lock, so any build directory seen here was left
# by one that was killed.
for stale in "$cache_dir"/build.*; do
  if [ -d "$stale" ]; then remove_build "$stale"; fi
done
build=$(mktemp -d "$cache_dir/build.XXXXXX")
trap 'remove_build "$build"' EXIT
trap 'exit 130' INT TERM

log "debootstrap $suite from $mirror (takes a minute or two)"
started=$(date +%s)
if ! debootstrap --variant=minbase --include="$packages" "$suite" "$build/root" "$mirror" \
  >"$build/debootstrap.log" 2>&1; then
  log "debootstrap failed; last lines of its log:"
  tail -n 30 "$build/debootstrap.log" >&2
  exit 1
fi
customise "$build/root"
log "packing rootfs"
tar -C "$build/root" --numeric-owner --xattrs --xattrs-include='*' -cf "$build/rootfs.tar" .
mv "$build/rootfs.tar" "$tarball"
# Older builds of a different recipe are of no further use.
find "$cache_dir" -maxdepth 1 -name "rootfs-*.tar" ! -name "${tarball##*/}" -delete
log "built $tarball in $(($(date +%s) - started)) s"
echo "$tarball"
