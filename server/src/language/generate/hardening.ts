/**
 * The sandboxing directives of --harden. Each level is a fixed list, adjusted only where the
 * command's own paths would otherwise become unusable: the working directory stays writable,
 * and a program or working directory under a home or temporary directory stays reachable.
 */
import type { UnitPlan } from "./plan";
import { escapeSpecifiers, quoteWord } from "./quote";
import type { UnitLine } from "./render";

type Entry = readonly [key: string, value: string];

const UNDER_HOME = /^\/(home|root|run\/user)(\/|$)/;
const UNDER_TMP = /^\/(tmp|var\/tmp)(\/|$)/;

/** What `basic` sets: cheap protections that ordinary commands do not notice. */
const BASIC: readonly Entry[] = [
  ["NoNewPrivileges", "yes"],
  ["ProtectKernelTunables", "yes"],
  ["ProtectKernelModules", "yes"],
  ["ProtectControlGroups", "yes"],
];

/** What `strict` adds: the rest of what `systemd-analyze security` scores. */
const STRICT: readonly Entry[] = [
  ["PrivateDevices", "yes"],
  ["ProtectKernelLogs", "yes"],
  ["ProtectClock", "yes"],
  ["ProtectHostname", "yes"],
  ["ProtectProc", "invisible"],
  ["ProcSubset", "pid"],
  ["RestrictNamespaces", "yes"],
  ["RestrictRealtime", "yes"],
  ["RestrictSUIDSGID", "yes"],
  ["LockPersonality", "yes"],
  ["MemoryDenyWriteExecute", "yes"],
  ["RemoveIPC", "yes"],
  ["PrivateMounts", "yes"],
  ["RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6"],
  ["SystemCallArchitectures", "native"],
  ["SystemCallFilter", "@system-service"],
  ["SystemCallErrorNumber", "EPERM"],
  ["CapabilityBoundingSet", ""],
  ["UMask", "0077"],
];

/** Both drop capabilities, which a user manager is not allowed to do: the command would fail to start. */
const USER_MANAGER_CANNOT = ["CapabilityBoundingSet", "PrivateDevices"];

/** The paths the command itself needs: its program and its working directory. */
function commandPaths(plan: UnitPlan): string[] {
  const program = plan.command.kind === "argv" ? plan.command.argv[0]! : "/bin/sh";
  return plan.workingDir === undefined ? [program] : [program, plan.workingDir];
}

export function hardeningLines(plan: UnitPlan): UnitLine[] {
  if (plan.harden === undefined) return [];
  const strict = plan.harden === "strict";
  const paths = commandPaths(plan);
  const lines: UnitLine[] = [...BASIC];

  if (paths.some((p) => UNDER_TMP.test(p))) {
    lines.push({ comment: "PrivateTmp= is left out: the command's program or working directory is in a temporary directory." });
  } else lines.push(["PrivateTmp", "yes"]);

  lines.push(["ProtectSystem", strict ? "strict" : "full"]);
  // A user manager starts a unit without a working directory in the user's home.
  const needsHome = paths.some((p) => UNDER_HOME.test(p)) || (plan.scope === "user" && plan.workingDir === undefined);
  lines.push(["ProtectHome", strict && !needsHome ? "yes" : "read-only"]);
  if (plan.workingDir !== undefined) lines.push(["ReadWritePaths", quoteWord(escapeSpecifiers(plan.workingDir, plan.template))]);

  if (!strict) return lines;
  if (plan.scope === "system") return [...lines, ...STRICT];
  return [
    ...lines,
    { comment: "CapabilityBoundingSet= and PrivateDevices= are left out: a user manager cannot drop capabilities (it has none to give)." },
    ...STRICT.filter(([key]) => !USER_MANAGER_CANNOT.includes(key)),
  ];
}
