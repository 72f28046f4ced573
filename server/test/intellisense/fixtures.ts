import { staticCatalog, type UnitCatalog } from "../../src/language/unitCatalog";
import { unitKind } from "../../src/language/unitKind";
import { atCursor } from "../features/cursor";

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

/** Parses a fixture with a `|` cursor and classifies it by `path`. */
export function fixture(path: string, text: string) {
  const { file, position } = atCursor(text);
  return { file, position, kind: unitKind(path) };
}
