import { readCInteger, toInt32 } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";
import { splitWords } from "./words";

/** Capability names in kernel order (number = index), as of Linux 6.x / systemd 252. */
export const CAPABILITIES = [
  "CAP_CHOWN",
  "CAP_DAC_OVERRIDE",
  "CAP_DAC_READ_SEARCH",
  "CAP_FOWNER",
  "CAP_FSETID",
  "CAP_KILL",
  "CAP_SETGID",
  "CAP_SETUID",
  "CAP_SETPCAP",
  "CAP_LINUX_IMMUTABLE",
  "CAP_NET_BIND_SERVICE",
  "CAP_NET_BROADCAST",
  "CAP_NET_ADMIN",
  "CAP_NET_RAW",
  "CAP_IPC_LOCK",
  "CAP_IPC_OWNER",
  "CAP_SYS_MODULE",
  "CAP_SYS_RAWIO",
  "CAP_SYS_CHROOT",
  "CAP_SYS_PTRACE",
  "CAP_SYS_PACCT",
  "CAP_SYS_ADMIN",
  "CAP_SYS_BOOT",
  "CAP_SYS_NICE",
  "CAP_SYS_RESOURCE",
  "CAP_SYS_TIME",
  "CAP_SYS_TTY_CONFIG",
  "CAP_MKNOD",
  "CAP_LEASE",
  "CAP_AUDIT_WRITE",
  "CAP_AUDIT_CONTROL",
  "CAP_SETFCAP",
  "CAP_MAC_OVERRIDE",
  "CAP_MAC_ADMIN",
  "CAP_SYSLOG",
  "CAP_WAKE_ALARM",
  "CAP_BLOCK_SUSPEND",
  "CAP_AUDIT_READ",
  "CAP_PERFMON",
  "CAP_BPF",
  "CAP_CHECKPOINT_RESTORE",
] as const;

export interface CapabilityItem {
  /** Canonical name, or the number for capabilities newer than this table. */
  name: string;
  number: number;
  start: number;
  end: number;
}

export interface CapabilityList {
  /** A leading "~": the listed capabilities are removed rather than granted. */
  inverted: boolean;
  items: CapabilityItem[];
  problems: ValueProblem[];
}

/** Reads one capability the way capability_from_name() does: a name in any case, or a number 0..63. */
export function capabilityFromName(word: string): number | undefined {
  const n = readCInteger(word);
  if (n) {
    const v = toInt32(n);
    return v !== undefined && v >= 0 && v < 64 ? v : undefined;
  }
  const index = CAPABILITIES.findIndex((c) => c === word.toUpperCase());
  return index >= 0 ? index : undefined;
}

/** Parses CapabilityBoundingSet=/AmbientCapabilities= values: an optional "~" and a list of capabilities. */
export function parseCapabilityList(value: string): CapabilityList {
  const inverted = value.startsWith("~");
  const offset = inverted ? 1 : 0;
  const split = splitWords(value.slice(offset), { unquote: true });
  const problems: ValueProblem[] = [];
  const items: CapabilityItem[] = [];
  for (const w of split.words) {
    const start = w.start + offset;
    const end = w.end + offset;
    const number = capabilityFromName(w.text);
    if (number === undefined) {
      problems.push(
        problemAt(
          start,
          end,
          `Expected a capability such as "CAP_NET_BIND_SERVICE" or "CAP_SYS_ADMIN"; ${quoted(w.text)} is not one, and systemd ignores it.`,
          "warning",
        ),
      );
    } else items.push({ name: CAPABILITIES[number] ?? String(number), number, start, end });
  }
  if (split.problem) problems.push({ ...split.problem, start: split.problem.start + offset, end: split.problem.end + offset });
  return { inverted, items, problems };
}

export function checkCapabilityList(value: string): ValueProblem[] {
  return parseCapabilityList(value).problems;
}
