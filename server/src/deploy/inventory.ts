import type { SshHost } from "../protocol/operationArguments";

/** The group of an inventory made from ssh destinations. */
export const HOSTS_GROUP = "unitsmith_hosts";

/**
 * An Ansible inventory (JSON, which Ansible's YAML inventory reads) of ssh destinations: each named
 * as given, so ssh reads its ~/.ssh/config entry; `user@host` logs in as that user; `sudo` becomes
 * root there with sudo (Ansible passes -n, so it never waits for a password).
 */
export function sshInventory(hosts: readonly SshHost[]): string {
  const entries = hosts.map(({ ssh, sudo }) => {
    const at = ssh.lastIndexOf("@");
    const vars = at >= 0 ? { ansible_host: ssh.slice(at + 1), ansible_user: ssh.slice(0, at) } : {};
    return [ssh, { ...vars, ...(sudo && { ansible_become: true, ansible_become_method: "sudo" }) }];
  });
  return `${JSON.stringify({ all: { children: { [HOSTS_GROUP]: { hosts: Object.fromEntries(entries) } } } }, null, 2)}\n`;
}

interface InventoryList {
  _meta?: unknown;
  [group: string]: { hosts?: string[]; children?: string[] } | unknown;
}

/** The groups of `ansible-inventory --list` output, each with its hosts (its children's included); all and ungrouped left out. */
export function inventoryGroups(listJson: string): { name: string; hosts: string[] }[] {
  const list = JSON.parse(listJson) as InventoryList;
  const hostsOf = (name: string, seen: Set<string>): string[] => {
    const group = list[name] as { hosts?: string[]; children?: string[] } | undefined;
    if (!group || seen.has(name)) return [];
    seen.add(name);
    return [...(group.hosts ?? []), ...(group.children ?? []).flatMap((child) => hostsOf(child, seen))];
  };
  return Object.keys(list)
    .filter((name) => name !== "_meta" && name !== "all" && name !== "ungrouped")
    .map((name) => ({ name, hosts: [...new Set(hostsOf(name, new Set()))].sort() }))
    .filter((group) => group.hosts.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}
