import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import type { DeployAnswer } from "../protocol/deploy";
import { firstLine } from "../systemd/failure";
import { runProcess, type ExecTarget } from "../systemd/processRunner";
import { CALLBACK_NAME, CALLBACK_SOURCE } from "./callbackPlugin";
import { hostResults, parseEvents } from "./hostResults";
import { deployPlan } from "./plan";
import { deployPlaybook } from "./playbook";

export interface DeployRequest {
  /** Absolute paths of the unit files and drop-ins. */
  files: string[];
  inventory: string;
  limit: string;
  check: boolean;
  /** Also write the playbook here (the run uses this file then). */
  savePlaybook?: string;
  /** Where ansible-playbook runs (its ansible.cfg applies). */
  cwd: string;
  exec?: ExecTarget;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** ansible-playbook's exit statuses that still come with per-host results: 2 some host failed, 4 some was unreachable. */
const RESULT_CODES = [0, 2, 4];

/**
 * Runs ansible-playbook with a playbook made for the files, on the inventory's hosts that `limit`
 * names: a dry run with `--check --diff`, or the real thing with `--diff`. The playbook and the
 * callback that reports each task live in a temporary directory, removed afterwards; the
 * repository gets a playbook only at `savePlaybook`.
 */
export async function runDeploy(request: DeployRequest): Promise<DeployAnswer> {
  const plan = deployPlan(request.files);
  if ("problem" in plan) return { ok: false, message: plan.problem };
  if (request.files.some((file) => !isAbsolute(file))) return { ok: false, message: "the unit files must be absolute paths" };
  if (request.limit.startsWith("-") || request.limit.trim() === "")
    return { ok: false, message: `"${request.limit}" is not an inventory group` };
  const work = await mkdtemp(join(tmpdir(), "unitsmith-deploy-"));
  try {
    const playbookText = deployPlaybook(plan);
    const playbook = request.savePlaybook ?? join(work, "deploy.yml");
    await writeFile(playbook, playbookText);
    await writeFile(join(work, `${CALLBACK_NAME}.py`), CALLBACK_SOURCE);
    const argv = [
      "ansible-playbook",
      `--inventory=${request.inventory}`,
      `--limit=${request.limit}`,
      ...(request.check ? ["--check"] : []),
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
    if (!outcome.ok) {
      const missing = outcome.error === "not-found" ? " Install Ansible (Debian: apt install ansible-core)." : "";
      return { ok: false, argv, message: `${outcome.message}.${missing}` };
    }
    const hosts = hostResults(parseEvents(outcome.stdout));
    if (!RESULT_CODES.includes(outcome.code) || hosts.length === 0) {
      const line = firstLine(outcome.stderr) || `ansible-playbook exited with status ${outcome.code} and reported no host`;
      return { ok: false, argv, message: line, stderr: outcome.stderr.trim() };
    }
    return { ok: true, check: request.check, hosts, argv, ...(request.savePlaybook && { playbook: request.savePlaybook }) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
