#!/bin/sh
# Installs what the fast suite (npm test) needs from Debian: systemd, for systemd-analyze, the
# systemd binary's list of directives, the installed units and the systemd man pages; udev, whose
# rules, hwdb files and udev(7) page the line-format tests read;
# util-linux, for setpriv; libxml2-utils, whose xmllint reads the XML reports of unitsmith lint;
# and pre-commit, which runs the hooks of .pre-commit-hooks.yaml. Safe to run again: when everything is there, nothing is installed.
set -eu

pages=/usr/share/man/man5/systemd.service.5.gz
udev_page=/usr/share/man/man7/udev.7.gz
ready() {
  command -v systemd-analyze >/dev/null && command -v setpriv >/dev/null && command -v xmllint >/dev/null \
    && command -v pre-commit >/dev/null && [ -f "$udev_page" ] \
    && [ -x /usr/lib/systemd/systemd ] && [ -f /usr/share/man/man7/systemd.directives.7.gz ] && [ -f "$pages" ]
}

if ready; then
  echo "install-test-deps: systemd, udev, their man pages and setpriv already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: must run as root" >&2
  exit 1
fi

echo "install-test-deps: apt-get update"
apt-get update -qq
echo "install-test-deps: installing systemd, udev, util-linux, libxml2-utils and pre-commit"
apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
apt_install systemd udev util-linux libxml2-utils pre-commit
# Minimal images tell dpkg to leave man pages out; the hover tests read systemd's.
[ -f "$pages" ] || apt_install --reinstall -o "DPkg::Options::=--path-include=/usr/share/man/*" systemd
[ -f "$udev_page" ] || apt_install --reinstall -o "DPkg::Options::=--path-include=/usr/share/man/*" udev
if ! ready; then
  echo "install-test-deps: systemd-analyze, /usr/lib/systemd/systemd, setpriv, xmllint, pre-commit or $pages still missing" >&2
  exit 1
fi
echo "install-test-deps: done"
