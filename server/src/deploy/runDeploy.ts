import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import type { Scope } from "../language/unitKind";
import type { DeployArgument, InventoryGroupsResult } from "../protocol/deploy";
import type { SshHost } from "../protocol/operationArguments";
import type { Answer, DeployAnswer, OperationFailure } from "../protocol/operationResults";
import { firstLine } from "../systemd/failure";
import { runProcess, type ExecTarget, type ProcessError } from "../systemd/processRunner";
import { CALLBACK_NAME, CALLBACK_SOURCE } from "./callbackPlugin";
import { hostResults, parseEvents } from "./hostResults";
import { HOSTS_GROUP, inventoryGroups, sshInventory } from "./inventory";
import { deployPlan } from "./plan";
import { deployPlaybook } from "./playbook";

export interface DeployRequest {
  /** Absolute paths of the unit files, drop-ins, and tmpfiles.d and sysusers.d files. */
  files: string[];
  scope?: Scope;
  /** The hosts: an inventory file and a group of it, or ssh destinations. */
  target: { inventory: string; limit: string } | { hosts: SshHost[] };
  mode: DeployArgument["mode"];
  /** Write the playbook here (the run uses this file then); needed by mode "playbook". */
  savePlaybook?: string;
  /** Where ansible-playbook runs (its ansible.cfg applies). */
  cwd: string;
  exec?: ExecTarget;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** ansible-playbook's exit statuses that still come with per-host results: 2 some host failed, 4 some was unreachable. */
const RESULT_CODES = [0, 2, 4];

const invalid = (message: string): OperationFailure => ({ ok: false, reason: "invalid-argument", message });

/** An Ansible program that did not run, in words that say what to do. */
function notRun(outcome: ProcessError, argv: string[]): OperationFailure {
  if (outcome.error === "not-found") {
    return {
      ok: false,
      reason: "command-not-found",
      argv,
      message: `${outcome.message}. Install Ansible (Debian: apt install ansible-core).`,
    };
  }
  return {
    ok: false,
    reason: outcome.error === "timed-out" ? "timed-out" : outcome.error === "cancelled" ? "cancelled" : "command-failed",
    argv,
    message: outcome.message,
  };
}

/**
 * Runs ansible-playbook with a playbook made for the files, on the hosts of the target: a dry run
 * with `--check --diff`, or the real thing with `--diff`; or only writes the playbook. The
 * playbook, the callback that reports each task and an inventory made from ssh destinations live
 * in a temporary directory, removed afterwards; the repository gets a playbook only at `savePlaybook`.
 */
export async function runDeploy(request: DeployRequest): Promise<DeployAnswer> {
  const scope = request.scope ?? "system";
  if (request.files.some((file) => !isAbsolute(file))) return invalid("the files to deploy must be absolute paths");
  const plan = deployPlan(request.files, scope);
  if ("problem" in plan) return invalid(plan.problem);
  const playbookText = deployPlaybook(plan);
  const done = { ok: true as const, mode: request.mode, scope, files: request.files };
  if (request.mode === "playbook") {
    if (!request.savePlaybook) return invalid("say where to write the playbook");
    await writeFile(request.savePlaybook, playbookText);
    return { ...done, hosts: [], playbook: request.savePlaybook };
  }
  const target = request.target;
  if ("hosts" in target ? target.hosts.length === 0 : target.limit.startsWith("-") || target.limit.trim() === "")
    return invalid("limit" in target ? `"${target.limit}" is not an inventory group` : "name at least one host");
  const work = await mkdtemp(join(tmpdir(), "unitsmith-deploy-"));
  try {
    const playbook = request.savePlaybook ?? join(work, "deploy.yml");
    await writeFile(playbook, playbookText);
    await writeFile(join(work, `${CALLBACK_NAME}.py`), CALLBACK_SOURCE);
    const inventory = "inventory" in target ? target.inventory : join(work, "inventory.json");
    if ("hosts" in target) await writeFile(inventory, sshInventory(target.hosts));
    const limit = "limit" in target ? target.limit : HOSTS_GROUP;
    const argv = [
      "ansible-playbook",
      `--inventory=${inventory}`,
      `--limit=${limit}`,
      ...(request.mode === "check" ? ["--check"] : []),
      "--diff",
      "--",
      playbook,
    ];
    const outcome = await runProcess(argv, {
      prefix: request.exec?.prefix,
      env: {
        ...request.exec?.env,
        ANSIBLE_STDOUT_CALLBACK: CALLBACK_NAME,
        ANSIBLE_CALLBACK_PLUGINS: work,
        ANSIBLE_RETRY_FILES_ENABLED: "False",
        ANSIBLE_NOCOLOR: "1",
        PYTHONUNBUFFERED: "1",
      },
      cwd: request.cwd,
      timeoutMs: request.timeoutMs ?? 15 * 60_000,
      signal: request.signal,
    });
    if (!outcome.ok) return notRun(outcome, argv);
    const hosts = hostResults(parseEvents(outcome.stdout), new Map(plan.files.map((file) => [file.src, file.dest])));
    if (!RESULT_CODES.includes(outcome.code) || hosts.length === 0) {
      const line = firstLine(outcome.stderr) || `ansible-playbook exited with status ${outcome.code} and reported no host`;
      return { ok: false, reason: "command-failed", argv, message: line, stderr: outcome.stderr.trim() };
    }
    return { ...done, hosts, argv, ...(request.savePlaybook && { playbook: request.savePlaybook }) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The groups of an inventory with their hosts, as `ansible-inventory --list` reads it. */
export async function listInventoryGroups(
  inventory: string,
  options: { cwd: string; exec?: ExecTarget; signal?: AbortSignal },
): Promise<Answer<InventoryGroupsResult>> {
  const argv = ["ansible-inventory", `--inventory=${inventory}`, "--list"];
  const outcome = await runProcess(argv, {
    prefix: options.exec?.prefix,
    env: { ...options.exec?.env, ANSIBLE_NOCOLOR: "1" },
    cwd: options.cwd,
    timeoutMs: 60_000,
    signal: options.signal,
  });
  if (!outcome.ok) return notRun(outcome, argv);
  if (outcome.code !== 0)
    return {
      ok: false,
      reason: "command-failed",
      argv,
      message: firstLine(outcome.stderr) || `ansible-inventory exited with status ${outcome.code}`,
      stderr: outcome.stderr.trim(),
    };
  try {
    return { ok: true, groups: inventoryGroups(outcome.stdout) };
  } catch {
    return { ok: false, reason: "command-failed", argv, message: `${inventory}: ansible-inventory's answer is not JSON` };
  }
}
