import { posix } from "node:path";
import { unitKind } from "../language/unitKind";
import { isTemplateName } from "../protocol/unitNames";

/** What a deploy puts on each host: files in the system manager's directory, and the units to enable and run. */
export interface DeployPlan {
  files: { src: string; dest: string; unit: string }[];
  /** Drop-in directories to make before the files go in. */
  directories: string[];
  /** Units to enable and start (restart when their files changed), in the order given. */
  run: string[];
}

const SYSTEM_DIRECTORY = "/etc/systemd/system";

/**
 * The plan for unit files and drop-ins (absolute paths). A service or socket that a timer or
 * socket among the files triggers is not started on its own: its trigger is. Templates are put in
 * place only. Answers a message for a file that is not a unit or a drop-in of one.
 */
export function deployPlan(paths: readonly string[]): DeployPlan | { problem: string } {
  const plan: DeployPlan = { files: [], directories: [], run: [] };
  const units: string[] = [];
  for (const path of paths) {
    const kind = unitKind(path);
    if (kind.file?.family !== "unit" || kind.systemctlEditTemp) return { problem: `${path} is not a unit file or a drop-in of one` };
    if (kind.dropIn) {
      if (kind.dropIn.target !== "unit" && kind.dropIn.target !== "template") {
        return { problem: `${path} is a drop-in for every ${kind.dropIn.parent} unit; deploy the drop-ins of one unit` };
      }
      const directory = posix.join(SYSTEM_DIRECTORY, `${kind.dropIn.parent}.d`);
      if (!plan.directories.includes(directory)) plan.directories.push(directory);
      plan.files.push({ src: path, dest: posix.join(directory, posix.basename(path)), unit: kind.dropIn.parent });
    } else {
      plan.files.push({ src: path, dest: posix.join(SYSTEM_DIRECTORY, kind.name), unit: kind.name });
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
