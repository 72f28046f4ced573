/**
 * The systems units are commonly written for, with the systemd and Podman each ships. One table,
 * kept by hand; `source` says where each row was read. A rolling distribution follows the newest
 * release in Unitsmith's own data.
 */
export interface Distribution {
  name: string;
  /** The systemd major version the release ships; undefined: the newest Unitsmith knows. */
  systemd?: number;
  /** The Podman version the release ships, for Quadlet files. */
  podman: string;
  source: string;
}

export const DISTRIBUTIONS: readonly Distribution[] = [
  {
    name: "debian-12",
    systemd: 252,
    podman: "4.3.1",
    source:
      "Debian 12 (bookworm) archive: systemd 252.39-1~deb12u2, podman 4.3.1+ds1-8+deb12u1 (apt-cache policy on the machine the tests run on)",
  },
  { name: "ubuntu-22.04", systemd: 249, podman: "3.4.4", source: "Ubuntu 22.04 (jammy) archive: systemd 249.11, podman 3.4.4" },
  { name: "ubuntu-24.04", systemd: 255, podman: "4.9.3", source: "Ubuntu 24.04 (noble) archive: systemd 255.4, podman 4.9.3" },
  { name: "rhel-9", systemd: 252, podman: "5.4", source: "RHEL 9 package lists: systemd 252 throughout 9.x, podman 5.4 in 9.6" },
  { name: "fedora-41", systemd: 256, podman: "5.2", source: "Fedora 41 release: systemd 256, podman 5.2 as released" },
  { name: "arch", podman: "5.8.2", source: "Arch Linux rolls: the newest systemd and Podman release in Unitsmith's data" },
];
