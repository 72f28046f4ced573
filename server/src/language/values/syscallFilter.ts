import { closestMatch } from "../schema/suggest";
import { ERRNO_NUMBERS } from "./errnoNames";
import { readCInteger, toInt32 } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";
import { SYSCALL_GROUPS, type SyscallGroup } from "./syscallGroups";
import { splitWords } from "./words";

export interface SyscallFilterOptions {
  /** Whether "name:errno" is meaningful; systemd only honours it in a "~" deny list. */
  allowErrno?: boolean;
}

export interface SyscallFilterItem {
  name: string;
  group?: SyscallGroup;
  /** The errno number, or "kill"; undefined when the item has no ":" part. */
  errno?: number | "kill";
  start: number;
  end: number;
}

export interface SyscallFilter {
  inverted: boolean;
  items: SyscallFilterItem[];
  problems: ValueProblem[];
}

const GROUPS = new Map(SYSCALL_GROUPS.map((g) => [g.name, g]));
const KNOWN_SYSCALLS = new Set(GROUPS.get("@known")?.members ?? []);
const ERRNO_MAX = 4095;
const ERRNO_NAMES = Object.keys(ERRNO_NUMBERS);

export function findSyscallGroup(name: string): SyscallGroup | undefined {
  return GROUPS.get(name);
}

/** Reads an errno as parse_errno() does: a name such as EPERM (any case) or a number 0..4095. */
export function parseErrno(text: string): number | undefined {
  const upper = text.toUpperCase();
  if (Object.hasOwn(ERRNO_NUMBERS, upper)) return ERRNO_NUMBERS[upper];
  const n = readCInteger(text);
  const v = n && toInt32(n);
  return v !== undefined && v >= 0 && v <= ERRNO_MAX ? v : undefined;
}

/** The problem with "Did you mean" and a quick fix, when an errno name is close to what was written. */
function withSuggestion(problem: ValueProblem, written: string): ValueProblem {
  const closest = closestMatch(written, ERRNO_NAMES);
  return closest ? { ...problem, message: `${problem.message} Did you mean "${closest}"?`, suggestions: [closest] } : problem;
}

/** SystemCallErrorNumber=: "kill", or an errno name or number from 1 to 4095. */
export function checkErrorNumber(value: string): ValueProblem[] {
  if (value === "kill") return [];
  const errno = parseErrno(value);
  if (errno === 0)
    return [problemAt(0, value.length, 'Expected an error number from 1 to 4095, a name such as "EPERM", or "kill"; systemd ignores 0.')];
  if (errno !== undefined) return [];
  const expected = `Expected an error number name such as "EPERM" or "EACCES", a number from 1 to 4095, or "kill"; ${quoted(value)} is not one, so systemd ignores the setting.`;
  return [withSuggestion(problemAt(0, value.length, expected), value)];
}

/** Parses SystemCallFilter= (and SystemCallLog=): an optional "~", then names, @groups, and name:errno items. */
export function parseSyscallFilter(value: string, options: SyscallFilterOptions = {}): SyscallFilter {
  const inverted = value.startsWith("~");
  const offset = inverted ? 1 : 0;
  const split = splitWords(value.slice(offset));
  const items: SyscallFilterItem[] = [];
  const problems: ValueProblem[] = [];
  for (const w of split.words) {
    const start = w.start + offset;
    const end = w.end + offset;
    const colon = w.text.indexOf(":");
    const name = colon >= 0 ? w.text.slice(0, colon) : w.text;
    const item: SyscallFilterItem = { name, start, end };
    if (colon >= 0) {
      const errnoText = w.text.slice(colon + 1);
      const errno = errnoText === "kill" ? "kill" : parseErrno(errnoText);
      if (errno === undefined) {
        problems.push(
          withSuggestion(
            problemAt(
              start + colon + 1,
              end,
              `Expected an error number such as "EPERM", "EACCES" or "kill" after ":"; ${quoted(errnoText)} is not one, so systemd ignores this item.`,
              "warning",
            ),
            errnoText,
          ),
        );
        continue;
      }
      if (!inverted || options.allowErrno === false) {
        problems.push(
          problemAt(
            start + colon,
            end,
            'Expected a system call without ":errno" here; an error number only counts in a "~" deny list, so systemd ignores this item.',
            "warning",
          ),
        );
        continue;
      }
      item.errno = errno;
    }
    if (name === "") {
      problems.push(problemAt(start, end, 'Expected a system call name such as "uname" or a group such as "@mount" before ":".'));
      continue;
    }
    if (name.startsWith("@")) {
      item.group = GROUPS.get(name);
      if (!item.group) {
        problems.push(
          problemAt(
            start,
            start + name.length,
            `Expected a system call group such as "@system-service" or "@mount"; ${quoted(name)} is not a group systemd knows, so it is ignored.`,
            "warning",
          ),
        );
        continue;
      }
    } else if (!KNOWN_SYSCALLS.has(name)) {
      problems.push(
        problemAt(
          start,
          start + name.length,
          `Expected a system call name such as "uname" or "ptrace"; ${quoted(name)} is not one systemd knows, so it is ignored.`,
          "warning",
        ),
      );
      continue;
    }
    items.push(item);
  }
  if (split.problem) problems.push({ ...split.problem, start: split.problem.start + offset, end: split.problem.end + offset });
  return { inverted, items, problems };
}

export function checkSyscallFilter(value: string, options?: SyscallFilterOptions): ValueProblem[] {
  return parseSyscallFilter(value, options).problems;
}
