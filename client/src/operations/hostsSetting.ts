import { parseHostArgument, type HostArgument } from "../../../server/src/protocol";
import { t } from "../l10n";

/** A host of the units view: its label and the argument the server commands take. */
export interface HostEntry {
  label: string;
  host: HostArgument;
}

export interface HostsSetting {
  hosts: HostEntry[];
  /** Entries that are not an ssh destination, in words for the view. */
  problems: string[];
}

const ENTRY = /^(\S+?)(\s*\(sudo\))?$/;

/**
 * Reads `unitsmith.hosts`: ssh destinations (a Host of ~/.ssh/config, or [user@]host) separated by
 * commas, each optionally followed by "(sudo)" to run system-scope commands there through `sudo -n`.
 */
export function parseHostsSetting(text: string): HostsSetting {
  const hosts: HostEntry[] = [];
  const problems: string[] = [];
  for (const raw of text.split(",").map((part) => part.trim())) {
    if (raw === "") continue;
    const match = ENTRY.exec(raw);
    const argument = match ? { ssh: match[1], ...(match[2] && { sudo: true }) } : undefined;
    const parsed = parseHostArgument({ host: argument });
    if (!match || !parsed.ok || !parsed.value) {
      problems.push(t('"{0}" is not an ssh destination ([user@]host, or [user@]host (sudo))', raw));
      continue;
    }
    if (!hosts.some((entry) => entry.label === raw)) hosts.push({ label: raw, host: parsed.value });
  }
  return { hosts, problems };
}

/** A machine from `machinectl list`, as a host of the view. */
export const machineEntry = (machine: string): HostEntry => ({ label: t("{0} (container)", machine), host: { machine } });
