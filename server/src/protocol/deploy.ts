/** `unitsmith deploy` and the editor's Deploy to Hosts: unit files put on hosts with Ansible. */
import type { Scope } from "../language/unitKind";
import type { SshHost } from "./sshHost";

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

/**
 * The argument of `unitsmith.systemd.deploy`. The hosts are an Ansible inventory and a group of it,
 * or ssh destinations (as in `unitsmith.hosts`), which the server turns into an inventory of its own.
 */
export interface DeployArgument {
  /** The unit files, drop-ins, and tmpfiles.d or sysusers.d files (file: URIs). */
  uris: string[];
  /** Also the companions of each unit file: its drop-ins, the timer or socket of its name, and the tmpfiles.d and sysusers.d files under `root` that serve it. */
  companions?: boolean;
  /** The folder whose tmpfiles.d and sysusers.d files are companions (a file: URI); the unit's directory when absent. */
  root?: string;
  /** The Ansible inventory file (a file: URI), with `limit`. */
  inventory?: string;
  /** The inventory group or host pattern (ansible-playbook --limit). */
  limit?: string;
  /** Instead of an inventory: the ssh destinations to deploy to. */
  hosts?: SshHost[];
  /** The system manager (the default) or the user manager of the account Ansible logs in as. */
  scope?: Scope;
  /** check: a dry run (--check --diff); apply: the real thing; playbook: only write the playbook to `playbook`. */
  mode: "check" | "apply" | "playbook";
  /** Where to write the playbook (a file: URI); needed by mode "playbook", optional otherwise. */
  playbook?: string;
}

export interface DeployResult {
  ok: true;
  mode: DeployArgument["mode"];
  scope: Scope;
  /** The files deployed (absolute paths), companions included. */
  files: string[];
  /** Each host's outcome; empty in mode "playbook". */
  hosts: HostDeployResult[];
  /** The ansible-playbook command line; absent in mode "playbook". */
  argv?: string[];
  /** The playbook written, when one was asked for. */
  playbook?: string;
}

/** The argument of `unitsmith.systemd.inventoryGroups`: an Ansible inventory file (a file: URI). */
export interface InventoryArgument {
  inventory: string;
}

export interface InventoryGroupsResult {
  ok: true;
  /** Each group (all and ungrouped left out) with its hosts, as ansible-inventory lists them. */
  groups: { name: string; hosts: string[] }[];
}
