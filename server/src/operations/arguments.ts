import { documentPath } from "../documentPath";
import { unitKind, type Scope } from "../language/unitKind";
import { JOURNAL_OUTPUT_MODES, type JournalOutputMode } from "../systemd/commandLines";
import { checkUnitName, instantiate, isTemplateName } from "../systemd/unitNameGuard";
import type { OperationFailure } from "./types";

/** The one argument of the unit commands: a unit by name or by the URI of its file (or of one of its drop-ins). */
export interface UnitArgument {
  unit?: string;
  uri?: string;
  /** Taken from the file's directory when it says (…/systemd/user/… is "user"). */
  scope?: Scope;
  /** Makes `foo@.service` into `foo@<instance>.service`. */
  instance?: string;
}

export interface JournalArgument extends UnitArgument {
  /** 1 to 10000; 200 when absent. */
  lines?: number;
  /** emerg, alert, crit, err, warning, notice, info, debug, 0–7, or a range "warning..err". */
  priority?: string;
  /** What journalctl --since accepts: "5 min ago", "today", "2024-05-01 12:00". */
  since?: string;
  output?: JournalOutputMode;
}

export interface InstallArgument {
  /** The unit file to install (saved on disk). */
  uri: string;
  scope?: Scope;
  /** "copy" (the default) writes the file into the scope's directory; "link" runs `systemctl link`. */
  mode?: "copy" | "link";
  enable?: boolean;
  /** Start it, or restart it when it runs and the file changed. */
  start?: boolean;
  /** Replace a different file of the same name; without it install answers needs-confirmation. */
  overwrite?: boolean;
  /** For enable/start of a template. */
  instance?: string;
}

export interface ScopeArgument {
  scope: Scope;
}

/** A unit resolved from an argument: a checked name and a scope. */
export interface ResolvedUnit {
  unit: string;
  scope: Scope;
  template: boolean;
  /** The file the argument's URI named, when it named one. */
  path?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; failure: OperationFailure };

export const invalid = (message: string): { ok: false; failure: OperationFailure } => ({
  ok: false,
  failure: { ok: false, reason: "invalid-argument", message },
});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function optionalString(args: Record<string, unknown>, key: string): Parsed<string | undefined> {
  const value = args[key];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  return typeof value === "string" ? { ok: true, value } : invalid(`"${key}" must be a string`);
}

function optionalBoolean(args: Record<string, unknown>, key: string): Parsed<boolean> {
  const value = args[key];
  if (value === undefined || value === null) return { ok: true, value: false };
  return typeof value === "boolean" ? { ok: true, value } : invalid(`"${key}" must be true or false`);
}

function scopeOf(value: unknown, fallback?: Scope): Parsed<Scope> {
  if (value === "system" || value === "user") return { ok: true, value };
  if (value === undefined || value === null) {
    return fallback ? { ok: true, value: fallback } : invalid('say which manager: "scope" must be "system" or "user"');
  }
  return invalid('"scope" must be "system" or "user"');
}

export function parseScopeArgument(args: unknown): Parsed<ScopeArgument> {
  if (!isObject(args)) return invalid('the command takes one object argument, e.g. {"scope": "user"}');
  const scope = scopeOf(args.scope);
  return scope.ok ? { ok: true, value: { scope: scope.value } } : scope;
}

export type InstancePolicy = "instance-required" | "template-allowed";

/**
 * Resolves `{unit | uri, scope?, instance?}` to a checked unit name. A drop-in's URI stands for the
 * unit it extends. With "instance-required", a template without an instance is refused.
 */
export function resolveUnit(args: unknown, policy: InstancePolicy): Parsed<ResolvedUnit> {
  if (!isObject(args))
    return invalid('the command takes one object argument: {"unit": "foo.service", "scope": "system"} or {"uri": ..., "scope": ...}');
  const unitArg = optionalString(args, "unit");
  const uriArg = optionalString(args, "uri");
  const instanceArg = optionalString(args, "instance");
  for (const parsed of [unitArg, uriArg, instanceArg]) if (!parsed.ok) return parsed;
  const [unit, uri, instance] = [unitArg, uriArg, instanceArg].map((p) => (p.ok ? p.value : undefined));

  let name: string;
  let fileScope: Scope | undefined;
  let path: string | undefined;
  if (unit !== undefined) {
    name = unit;
  } else if (uri !== undefined) {
    path = documentPath(uri);
    const kind = unitKind(path);
    fileScope = kind.scope;
    if (kind.file?.family !== "unit") return invalid(`${path} is not a systemd unit file`);
    if (kind.dropIn && kind.dropIn.target !== "unit" && kind.dropIn.target !== "template") {
      return invalid(`${path} is a drop-in for every ${kind.dropIn.parent} unit, not for one unit: give "unit"`);
    }
    name = kind.dropIn ? kind.dropIn.parent : kind.name;
  } else {
    return invalid('give "unit" (a unit name) or "uri" (the unit file)');
  }

  const checked = checkUnitName(name);
  if (!checked.ok) return invalid(checked.message);
  const scope = scopeOf(args.scope, fileScope);
  if (!scope.ok) return scope;

  const template = isTemplateName(checked.name);
  if (instance !== undefined) {
    if (!template) return invalid(`${checked.name} is not a template, so it takes no instance`);
    const instantiated = instantiate(checked.name, instance);
    if (!instantiated.ok) return invalid(instantiated.message);
    return { ok: true, value: { unit: instantiated.name, scope: scope.value, template: false, ...(path && { path }) } };
  }
  if (template && policy === "instance-required") {
    return invalid(
      `${checked.name} is a template: give an instance name ("instance") to say which ${checked.name.replace("@.", "@<instance>.")} to use`,
    );
  }
  return { ok: true, value: { unit: checked.name, scope: scope.value, template, ...(path && { path }) } };
}

const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);

const PRIORITY = /^(emerg|alert|crit|err|warning|notice|info|debug|[0-7])(\.\.(emerg|alert|crit|err|warning|notice|info|debug|[0-7]))?$/;

export interface JournalOptions {
  lines: number;
  priority?: string;
  since?: string;
  output?: JournalOutputMode;
}

export function parseJournalOptions(args: Record<string, unknown>): Parsed<JournalOptions> {
  const lines = args.lines ?? 200;
  if (typeof lines !== "number" || !Number.isInteger(lines) || lines < 1 || lines > 10_000) {
    return invalid('"lines" must be a whole number from 1 to 10000');
  }
  const priority = optionalString(args, "priority");
  if (!priority.ok) return priority;
  if (priority.value !== undefined && !PRIORITY.test(priority.value)) {
    return invalid('"priority" must be emerg, alert, crit, err, warning, notice, info, debug, 0–7, or a range like "warning..err"');
  }
  const since = optionalString(args, "since");
  if (!since.ok) return since;
  // journalctl parses it; refuse only what cannot be a time (control characters, absurd length).
  if (since.value !== undefined && (since.value.trim() === "" || since.value.length > 100 || hasControlCharacter(since.value))) {
    return invalid('"since" must be a time such as "5 min ago", "today" or "2024-05-01 12:00"');
  }
  const output = optionalString(args, "output");
  if (!output.ok) return output;
  if (output.value !== undefined && !(JOURNAL_OUTPUT_MODES as readonly string[]).includes(output.value)) {
    return invalid(`"output" must be one of ${JOURNAL_OUTPUT_MODES.join(", ")}`);
  }
  return {
    ok: true,
    value: {
      lines,
      ...(priority.value !== undefined && { priority: priority.value }),
      ...(since.value !== undefined && { since: since.value.trim() }),
      ...(output.value !== undefined && { output: output.value as JournalOutputMode }),
    },
  };
}

export interface InstallOptions {
  mode: "copy" | "link";
  enable: boolean;
  start: boolean;
  overwrite: boolean;
}

export function parseInstallOptions(args: Record<string, unknown>): Parsed<InstallOptions> {
  const mode = args.mode ?? "copy";
  if (mode !== "copy" && mode !== "link") return invalid('"mode" must be "copy" or "link"');
  const enable = optionalBoolean(args, "enable");
  const start = optionalBoolean(args, "start");
  const overwrite = optionalBoolean(args, "overwrite");
  for (const parsed of [enable, start, overwrite]) if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: { mode, enable: enable.ok && enable.value, start: start.ok && start.value, overwrite: overwrite.ok && overwrite.value },
  };
}

export { isObject };
