import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runDeploy } from "../deploy/runDeploy";
import { deployFiles } from "../deploy/companions";
import type { HostDeployResult } from "../protocol/deploy";
import { displayPath } from "./displayPath";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, type CliIo } from "./io";

export const DEPLOY_USAGE = `Usage: unitsmith deploy --inventory FILE --limit GROUP [--check] [--user] [--companions] [--save-playbook FILE] FILE...

Puts unit files (and drop-ins, as NAME.service.d/FILE.conf) into /etc/systemd/system on the
hosts of an Ansible inventory group, and tmpfiles.d and sysusers.d files into /etc/tmpfiles.d
and /etc/sysusers.d; reloads systemd where a unit file changed, makes the users and files those
two name, then enables and starts each unit, restarting those whose files changed (a timer or
socket starts in place of its service; templates are only copied). It runs Ansible's
ansible-playbook with ansible.builtin.copy and ansible.builtin.systemd_service, over your ssh
and Ansible set-up.

  --inventory FILE       the Ansible inventory
  --limit GROUP          the inventory group (or host pattern) to deploy to
  --check                a dry run: what would change on each host, as diffs; nothing changes
  --user                 the user manager of the account Ansible logs in as (~/.config/systemd/user)
  --companions           also each unit's drop-ins, the timer or socket of its name beside it,
                         and the tmpfiles.d and sysusers.d files under this directory that make
                         its directories or its user
  --save-playbook FILE   also write the playbook to FILE, to keep or run with ansible-playbook

Exit status: 0 every host changed or unchanged, 1 some host failed, 2 usage errors or Ansible
could not run.`;

function hostReport(result: HostDeployResult, width: number, check: boolean): string {
  const word = check && result.status === "changed" ? "would change" : result.status;
  const lines = [`${result.host.padEnd(width)}  ${word}${result.reason ? `: ${result.reason}` : ""}`];
  for (const diff of result.diffs) lines.push(diff.replace(/^/gm, "    ").trimEnd());
  if (result.journal) lines.push(`    journal:`, result.journal.replace(/^/gm, "      ").trimEnd());
  return `${lines.join("\n")}\n`;
}

export async function deployCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      inventory: { type: "string" },
      limit: { type: "string" },
      check: { type: "boolean", default: false },
      user: { type: "boolean", default: false },
      companions: { type: "boolean", default: false },
      "save-playbook": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    io.stdout(`${DEPLOY_USAGE}\n`);
    return EXIT_OK;
  }
  if (!values.inventory || !values.limit || positionals.length === 0) {
    throw new UsageError(`give --inventory, --limit and at least one unit file\n\n${DEPLOY_USAGE}`);
  }
  const scope = values.user ? "user" : "system";
  const answer = await runDeploy({
    files: await deployFiles(
      positionals.map((path) => resolve(io.cwd, path)),
      values.companions,
      io.cwd,
      scope,
    ),
    scope,
    target: { inventory: resolve(io.cwd, values.inventory), limit: values.limit },
    mode: values.check ? "check" : "apply",
    ...(values["save-playbook"] && { savePlaybook: resolve(io.cwd, values["save-playbook"]) }),
    cwd: io.cwd,
  });
  if (!answer.ok) {
    io.stderr(`unitsmith deploy: ${answer.message}\n${answer.stderr ? `${answer.stderr}\n` : ""}`);
    return EXIT_USAGE;
  }
  const width = Math.max(...answer.hosts.map((host) => host.host.length));
  const added = answer.files.filter((file) => !positionals.some((path) => resolve(io.cwd, path) === file));
  if (added.length > 0) io.stdout(`With ${added.map((file) => displayPath(file, io.cwd)).join(", ")}\n`);
  for (const host of answer.hosts) io.stdout(hostReport(host, width, answer.mode === "check"));
  if (answer.playbook) io.stdout(`Playbook written to ${answer.playbook}.\n`);
  return answer.hosts.some((host) => host.status === "failed") ? EXIT_PROBLEMS : EXIT_OK;
}
