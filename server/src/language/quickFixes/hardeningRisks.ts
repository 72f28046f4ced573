import type { EntryNode, UnitFile } from "../parser";
import type { HardeningDirective } from "./hardeningDirectives";

/**
 * Directives a unit file cannot show to be harmless to its command: they cut the network off,
 * change the user it runs as, or map it into a user namespace. They are for the user to decide.
 */
const NEEDS_A_DECISION = new Set(["PrivateNetwork", "IPAddressDeny", "PrivateUsers", "DynamicUser"]);
/** Runtimes that compile code as they run: MemoryDenyWriteExecute= makes them fail to start. */
const JIT_RUNTIMES = /^(node|nodejs|deno|bun|java|dotnet|pypy3?|luajit|mono|php(-fpm)?[\d.]*|beam\.smp|erl|qemu-.+)$/;
/** Directives that give a service somewhere to write under ProtectSystem=strict. */
const WRITABLE_PLACES = ["ReadWritePaths", "StateDirectory", "RuntimeDirectory", "CacheDirectory", "LogsDirectory"];
const HOME = /^\/(home|root)(\/|$)/;

const entriesOf = (file: UnitFile, key: string): EntryNode[] =>
  file.sections.filter((section) => section.name === "Service").flatMap((section) => section.entries.filter((entry) => entry.key === key));

/** The programs the service starts: the first word of each ExecStart= (past its prefixes and `env`). */
function programs(file: UnitFile): string[] {
  return entriesOf(file, "ExecStart").flatMap((entry) => {
    const words = entry.value
      .replace(/^[-@:+!]+/, "")
      .trim()
      .split(/\s+/);
    const first = words[0] ?? "";
    const program = /(^|\/)env$/.test(first)
      ? (words.find((word, index) => index > 0 && !word.startsWith("-") && !word.includes("=")) ?? "")
      : first;
    return program === "" ? [] : [program];
  });
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** Whether adding `directive` leaves the command as able to run as before, as far as the file shows. */
export function keepsCommandWorking(directive: HardeningDirective, file: UnitFile): boolean {
  if (NEEDS_A_DECISION.has(directive.key)) return false;
  const started = programs(file);
  switch (directive.key) {
    case "MemoryDenyWriteExecute":
      return !started.some((program) => JIT_RUNTIMES.test(baseName(program)));
    case "ProtectHome":
      return ![...started, ...entriesOf(file, "WorkingDirectory").map((entry) => entry.value.replace(/^-/, ""))].some((path) =>
        HOME.test(path),
      );
    case "ProtectSystem":
      return WRITABLE_PLACES.some((key) => entriesOf(file, key).length > 0);
    default:
      return true;
  }
}
