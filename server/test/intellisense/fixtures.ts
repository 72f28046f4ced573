import { staticCatalog, type UnitCatalog } from "../../src/language/unitCatalog";

/** A small catalog in the shape the server builds from the disk. */
export function sampleCatalog(): UnitCatalog {
  return staticCatalog([
    { name: "web.service", origin: "workspace", path: "/repo/units/web.service", description: "Example web front end" },
    { name: "web.socket", origin: "workspace", path: "/repo/units/web.socket", description: "Example web socket" },
    { name: "ssh.service", origin: "installed", path: "/lib/systemd/system/ssh.service", description: "OpenBSD Secure Shell server" },
    { name: "getty@.service", origin: "installed", path: "/lib/systemd/system/getty@.service", description: "Getty on %I" },
    { name: "old.service", origin: "installed", path: "/etc/systemd/system/old.service", masked: true },
    { name: "system.slice", origin: "installed", path: "/lib/systemd/system/system.slice", description: "System Slice" },
    { name: "network-online.target", origin: "special", description: "The network is configured and up" },
  ]);
}
