/** sysctl.d: `key = value` lines that systemd-sysctl writes to /proc/sys at boot. */
import type { LineCheckContext, LineCompletion, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { finding, isCommentOrBlank } from "./lines";
import { duplicateEntry, malformedEntry, unknownSysctlKey } from "./rules";

const PROC_SYS = "/proc/sys";

const COMMON: Readonly<Record<string, string>> = {
  "net.ipv4.ip_forward": "forward IPv4 packets between interfaces (1) or not (0)",
  "net.ipv6.conf.all.forwarding": "forward IPv6 packets between interfaces",
  "net.core.somaxconn": "the longest queue of connections waiting to be accepted",
  "vm.swappiness": "how readily the kernel swaps, 0 to 200",
  "vm.max_map_count": "how many memory maps a process may have",
  "fs.inotify.max_user_watches": "how many files one user may watch with inotify",
  "fs.file-max": "how many files the whole system may have open",
  "kernel.pid_max": "the highest process id",
  "kernel.dmesg_restrict": "whether only privileged users may read the kernel log",
  "kernel.kptr_restrict": "whether kernel addresses are hidden",
  "kernel.yama.ptrace_scope": "who may trace whose processes",
};

interface Key {
  line: number;
  /** With "/" as the separator, as systemd-sysctl compares keys. */
  normalized: string;
  start: number;
  end: number;
  value: string;
  /** "-key": systemd-sysctl says nothing when the key is missing. */
  optional: boolean;
}

/** "a.b/c" and "a/b.c" are the same key: the first separator decides which of "." and "/" separates. */
function normalize(key: string): string {
  const first = key.search(/[./]/);
  if (first < 0 || key[first] === "/") return key;
  return key.replace(/[./]/g, (c) => (c === "." ? "/" : "."));
}

function parse(text: string, line: number): Key | LineFinding | undefined {
  const start = text.search(/\S/);
  const equals = text.indexOf("=");
  if (equals < 0) {
    // "-key" alone keeps a key out of every glob.
    if (text[start] === "-") return undefined;
    return finding(malformedEntry, line, start, text.trimEnd().length, "A line without = is no assignment; systemd-sysctl ignores it.");
  }
  const keyStart = text[start] === "-" ? start + 1 : start;
  const key = text.slice(keyStart, equals).trim();
  const value = text.slice(equals + 1).trim();
  return { line, normalized: normalize(key), start: keyStart, end: keyStart + key.length, value, optional: keyStart > start };
}

/**
 * The /proc/sys directory that must hold a key, and its name there; none for a glob or an optional
 * key, which systemd-sysctl writes wherever it finds them and otherwise skips silently.
 */
function placeOf(key: Key): { directory: string; name: string } | undefined {
  if (key.optional || /[*?[]/.test(key.normalized) || key.normalized === "") return undefined;
  const slash = key.normalized.lastIndexOf("/");
  return { directory: slash < 0 ? PROC_SYS : `${PROC_SYS}/${key.normalized.slice(0, slash)}`, name: key.normalized.slice(slash + 1) };
}

function keysOf(lines: readonly string[]): Key[] {
  return lines.flatMap((text, line) => {
    if (isCommentOrBlank(text, "#;")) return [];
    const parsed = parse(text, line);
    return parsed && !("rule" in parsed) ? [parsed] : [];
  });
}

/** The keys missing from a /proc/sys directory that is there: a directory a module adds is not judged before it exists. */
function missingKeys(keys: readonly Key[], listings: LineCheckContext["listings"]): LineFinding[] {
  return keys.flatMap((key) => {
    const place = placeOf(key);
    const names = place && listings?.get(place.directory);
    if (!place || !names || names.has(place.name)) return [];
    const message = `There is no ${place.directory}/${place.name} on this machine, so systemd-sysctl cannot write it unless a module loaded before it adds the key.`;
    return [finding(unknownSysctlKey, key.line, key.start, key.end, message)];
  });
}

function check(lines: readonly string[], context: LineCheckContext = {}): LineFinding[] {
  const findings: LineFinding[] = [];
  const keys = new Map<string, Key>();
  const all: Key[] = [];
  lines.forEach((text, line) => {
    if (isCommentOrBlank(text, "#;")) return;
    const parsed = parse(text, line);
    if (!parsed) return;
    if ("rule" in parsed) {
      findings.push(parsed);
      return;
    }
    const earlier = keys.get(parsed.normalized);
    if (earlier && earlier.value !== parsed.value)
      findings.push(
        finding(
          duplicateEntry,
          earlier.line,
          earlier.start,
          earlier.end,
          `Line ${line + 1} sets this key again, and systemd-sysctl writes the later value; this line takes no effect.`,
        ),
      );
    keys.set(parsed.normalized, parsed);
    all.push(parsed);
  });
  return [...findings, ...missingKeys(all, context.listings)];
}

function complete(text: string, character: number): LineCompletion[] {
  const equals = text.indexOf("=");
  if (equals >= 0 && character > equals) return [];
  return Object.entries(COMMON).map(([label, detail]) => ({ label, kind: "key", detail, insertText: `${label} = ` }));
}

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text, "#;")) return undefined;
  const parsed = parse(text, 0);
  if (!parsed || "rule" in parsed || character < parsed.start || character > parsed.end) return undefined;
  const key = text.slice(parsed.start, parsed.end);
  const known = COMMON[key.replace(/\//g, ".")];
  const file = `/proc/sys/${parsed.normalized}`;
  const prefix = text.trimStart().startsWith("-") ? "\n\nThe leading `-`: a failure to write it is not an error." : "";
  return { start: parsed.start, end: parsed.end, summary: `**${key}**${known ? `: ${known}` : ""}; written to \`${file}\`.${prefix}` };
}

export const sysctl: LineFormat = {
  id: "sysctl",
  check,
  directories: (lines) => [...new Set(keysOf(lines).flatMap((key) => placeOf(key)?.directory ?? []))],
  complete,
  hover,
  format: (lines) =>
    lines.map((line) => {
      if (isCommentOrBlank(line, "#;") || !line.includes("=")) return line.trim();
      const equals = line.indexOf("=");
      return `${line.slice(0, equals).trim()} = ${line.slice(equals + 1).trim()}`;
    }),
};
