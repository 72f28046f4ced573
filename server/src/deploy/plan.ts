import { posix } from "node:path";
import type { Scope } from "../language/unitKind";
import { unitKind } from "../language/unitKind";
import { lineFormatLanguageOf } from "../protocol/lineFormatLanguages";
import { isTemplateName } from "../protocol/unitNames";

/** What a deploy puts on each host: files in the manager's directories, and the units to enable and run. */
export interface DeployPlan {
  scope: Scope;
  /** `unit` is the unit a unit file or drop-in belongs to; empty for a tmpfiles.d or sysusers.d file. */
  files: { src: string; dest: string; unit: string }[];
  /** Directories to make before the files go in (drop-in directories, and the user's unit directory). */
  directories: string[];
  /** The sysusers.d and tmpfiles.d files as the programs that apply them are given them, before any unit starts. */
  sysusers: string[];
  tmpfiles: string[];
  /** Units to enable and start (restart when their files changed), in the order given. */
  run: string[];
}

/** Where each kind of file goes for each manager; `~` is the remote account's home, which Ansible expands there. */
const DIRECTORIES = {
  system: { units: "/etc/systemd/system", tmpfiles: "/etc/tmpfiles.d", sysusers: "/etc/sysusers.d" },
  user: { units: "~/.config/systemd/user", tmpfiles: "~/.config/user-tmpfiles.d", sysusers: undefined },
} as const;

function addDirectory(plan: DeployPlan, directory: string): void {
  if (!plan.directories.includes(directory)) plan.directories.push(directory);
}

/**
 * The plan for unit files, drop-ins, and tmpfiles.d and sysusers.d files (absolute paths), for the
 * system manager or the remote account's own. A service or socket that a timer or socket among
 * the files triggers is not started on its own: its trigger is. Templates are put in place only.
 * Answers a message for a file it cannot place.
 */
export function deployPlan(paths: readonly string[], scope: Scope = "system"): DeployPlan | { problem: string } {
  const plan: DeployPlan = { scope, files: [], directories: [], sysusers: [], tmpfiles: [], run: [] };
  const places = DIRECTORIES[scope];
  const units: string[] = [];
  for (const path of paths) {
    const format = lineFormatLanguageOf(path);
    if (format === "systemd-tmpfiles" || format === "systemd-sysusers") {
      const directory = format === "systemd-tmpfiles" ? places.tmpfiles : places.sysusers;
      if (!directory) return { problem: `${path}: sysusers.d files make system accounts; deploy them with system units` };
      const dest = posix.join(directory, posix.basename(path));
      addDirectory(plan, directory);
      plan.files.push({ src: path, dest, unit: "" });
      // The programs do not expand "~"; given a bare name, they find the file in their directories.
      (format === "systemd-tmpfiles" ? plan.tmpfiles : plan.sysusers).push(scope === "user" ? posix.basename(path) : dest);
      continue;
    }
    const kind = unitKind(path);
    if (kind.file?.family !== "unit" || kind.systemctlEditTemp) {
      return { problem: `${path} is not a unit file, a drop-in of one, or a tmpfiles.d or sysusers.d file` };
    }
    if (scope === "user") addDirectory(plan, places.units);
    if (kind.dropIn) {
      if (kind.dropIn.target !== "unit" && kind.dropIn.target !== "template") {
        return { problem: `${path} is a drop-in for every ${kind.dropIn.parent} unit; deploy the drop-ins of one unit` };
      }
      const directory = posix.join(places.units, `${kind.dropIn.parent}.d`);
      addDirectory(plan, directory);
      plan.files.push({ src: path, dest: posix.join(directory, posix.basename(path)), unit: kind.dropIn.parent });
    } else {
      plan.files.push({ src: path, dest: posix.join(places.units, kind.name), unit: kind.name });
      units.push(kind.name);
    }
  }
  const triggered = new Set(
    units
      .filter((unit) => unit.endsWith(".timer") || unit.endsWith(".socket"))
      .map((unit) => unit.replace(/\.(timer|socket)$/, ".service")),
  );
  plan.run = units.filter((unit) => !isTemplateName(unit) && !triggered.has(unit));
  return plan;
}
