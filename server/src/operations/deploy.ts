import { dirname } from "node:path";
import { deployFiles } from "../deploy/companions";
import { listInventoryGroups, runDeploy } from "../deploy/runDeploy";
import { pathOfUri } from "../language/fileUri";
import type { DeployArgument, InventoryArgument, InventoryGroupsResult } from "../protocol/deploy";
import { invalid, isObject, parseHostArgument, type Parsed, type SshHost } from "../protocol/operationArguments";
import type { Answer, DeployAnswer } from "../protocol/operationResults";
import type { OperationContext } from "./context";

const MODES = new Set(["check", "apply", "playbook"]);
const USAGE =
  'deploy takes {"uris": [...], "mode": "check" | "apply" | "playbook", and "inventory" with "limit", or "hosts": [{"ssh": ...}]}';

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

/** The argument of unitsmith.systemd.deploy, checked: files, hosts (an inventory group, or ssh destinations) and mode. */
export function parseDeployArgument(args: unknown): Parsed<DeployArgument> {
  if (!isObject(args) || !strings(args.uris) || args.uris.length === 0 || typeof args.mode !== "string" || !MODES.has(args.mode)) {
    return invalid(USAGE);
  }
  const mode = args.mode as DeployArgument["mode"];
  if (args.scope !== undefined && args.scope !== "system" && args.scope !== "user") return invalid('"scope" is "system" or "user"');
  for (const key of ["root", "inventory", "limit", "playbook"] as const) {
    if (args[key] !== undefined && typeof args[key] !== "string") return invalid(`"${key}" must be a string`);
  }
  if (mode === "playbook" && args.playbook === undefined) return invalid('mode "playbook" needs "playbook", where to write it');
  const hosts: SshHost[] = [];
  if (mode !== "playbook") {
    if (Array.isArray(args.hosts)) {
      for (const host of args.hosts) {
        const parsed = parseHostArgument({ host });
        if (!parsed.ok) return parsed;
        if (!parsed.value || !("ssh" in parsed.value)) return invalid('each of "hosts" is {"ssh": "[user@]host", "sudo"?: true}');
        hosts.push(parsed.value);
      }
      if (hosts.length === 0) return invalid('"hosts" names no host');
    } else if (typeof args.inventory !== "string" || typeof args.limit !== "string") {
      return invalid(USAGE);
    }
  }
  return {
    ok: true,
    value: {
      uris: args.uris,
      mode,
      ...(args.companions === true && { companions: true }),
      ...(typeof args.root === "string" && { root: args.root }),
      ...(typeof args.inventory === "string" && { inventory: args.inventory }),
      ...(typeof args.limit === "string" && { limit: args.limit }),
      ...(hosts.length > 0 && { hosts }),
      ...(args.scope !== undefined && { scope: args.scope }),
      ...(typeof args.playbook === "string" && { playbook: args.playbook }),
    },
  };
}

/** Deploy to Hosts: the dry run, the real run or the playbook, through the same engine as `unitsmith deploy`. */
export async function deploy(context: OperationContext, argument: DeployArgument, signal?: AbortSignal): Promise<DeployAnswer> {
  const paths = argument.uris.map(pathOfUri);
  const root = argument.root === undefined ? undefined : pathOfUri(argument.root);
  const files = await deployFiles(paths, argument.companions === true, root, argument.scope);
  const inventory = argument.inventory === undefined ? undefined : pathOfUri(argument.inventory);
  return runDeploy({
    files,
    ...(argument.scope && { scope: argument.scope }),
    target: argument.hosts ? { hosts: argument.hosts } : { inventory: inventory ?? "", limit: argument.limit ?? "" },
    mode: argument.mode,
    ...(argument.playbook && { savePlaybook: pathOfUri(argument.playbook) }),
    cwd: inventory ? dirname(inventory) : (root ?? dirname(files[0]!)),
    exec: context.exec,
    signal,
  });
}

export function parseInventoryArgument(args: unknown): Parsed<InventoryArgument> {
  if (!isObject(args) || typeof args.inventory !== "string")
    return invalid('inventoryGroups takes {"inventory": <an Ansible inventory file>}');
  return { ok: true, value: { inventory: args.inventory } };
}

/** The groups of the workspace's Ansible inventory, for Deploy to Hosts to offer. */
export function inventoryGroups(
  context: OperationContext,
  argument: InventoryArgument,
  signal?: AbortSignal,
): Promise<Answer<InventoryGroupsResult>> {
  const inventory = pathOfUri(argument.inventory);
  return listInventoryGroups(inventory, { cwd: dirname(inventory), exec: context.exec, signal });
}
