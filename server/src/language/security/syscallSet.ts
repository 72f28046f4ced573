import { findSyscallGroup, parseErrno } from "../values/syscallFilter";
import { splitWords } from "../values/words";
import { NATIVE_SYSCALLS } from "./nativeSyscalls";

/** SystemCallFilter= as loaded: the native system calls listed, and whether they are allowed or denied. */
export interface SyscallFilterState {
  allowList: boolean;
  syscalls: Set<string>;
}

/** The native system calls a name or @group stands for; names this machine lacks count for nothing. */
export function expandSyscalls(name: string, out: Set<string> = new Set(), seen: Set<string> = new Set()): Set<string> {
  if (!name.startsWith("@")) {
    if (NATIVE_SYSCALLS.has(name)) out.add(name);
    return out;
  }
  const group = findSyscallGroup(name);
  if (!group || seen.has(name)) return out;
  seen.add(name);
  for (const member of group.members) expandSyscalls(member, out, seen);
  return out;
}

/** Applies SystemCallFilter= lines in order, as systemd 252 does: the first decides allow or deny list. */
export function syscallFilterOf(lines: readonly string[]): SyscallFilterState {
  let state: SyscallFilterState | undefined;
  for (const line of lines) {
    const invert = line.startsWith("~");
    if (!state) {
      state = { allowList: !invert, syscalls: new Set() };
      if (state.allowList) expandSyscalls("@default", state.syscalls);
    }
    for (const word of splitWords(invert ? line.slice(1) : line).words) {
      const colon = word.text.indexOf(":");
      const name = colon >= 0 ? word.text.slice(0, colon) : word.text;
      if (colon >= 0) {
        const errno = word.text.slice(colon + 1);
        if ((errno !== "kill" && parseErrno(errno) === undefined) || !invert) continue;
      }
      const add = !invert === state.allowList;
      for (const syscall of expandSyscalls(name)) {
        if (add) state.syscalls.add(syscall);
        else state.syscalls.delete(syscall);
      }
    }
  }
  return state ?? { allowList: false, syscalls: new Set() };
}

/** A system call of the group on the wrong side of the filter (allowed by it), or undefined when the group is kept out. */
export function offendingSyscall(filter: SyscallFilterState, group: string): string | undefined {
  for (const syscall of expandSyscalls(group)) {
    if (filter.syscalls.has(syscall) === filter.allowList) return syscall;
  }
  return undefined;
}
