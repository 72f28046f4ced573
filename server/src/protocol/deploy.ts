/** `unitsmith deploy` and the editor's Deploy to Hosts: unit files put on an Ansible inventory's hosts. */

export interface HostDeployResult {
  host: string;
  /** In a dry run: what would happen. */
  status: "changed" | "unchanged" | "failed";
  /** Why it failed: systemd's or ssh's words. */
  reason?: string;
  /** The last lines of the unit's journal, when it did not start. */
  journal?: string;
  /** Unified diffs of the files that changed (or would). */
  diffs: string[];
}

export interface DeployArgument {
  /** The unit files and drop-ins to deploy. */
  uris: string[];
  /** The Ansible inventory file. */
  inventory: string;
  /** The inventory group or host pattern (ansible-playbook --limit). */
  limit: string;
  /** A dry run: ansible-playbook --check --diff. */
  check?: boolean;
  /** Where to write the playbook as well, for the repository. */
  savePlaybook?: string;
}

export type DeployAnswer =
  | { ok: true; check: boolean; hosts: HostDeployResult[]; argv: string[]; playbook?: string }
  | { ok: false; message: string; argv?: string[]; stderr?: string };
