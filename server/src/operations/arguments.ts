import { pathOfUri as documentPath } from "../language/fileUri";
import { unitKind, type Scope } from "../language/unitKind";
import { invalid, isObject, optionalString, type Parsed, type ScopeArgument } from "../protocol/operationArguments";
import { checkUnitName, instantiate, isTemplateName } from "../protocol/unitNames";

/** A unit resolved from an argument: a checked name and a scope. */
export interface ResolvedUnit {
  unit: string;
  scope: Scope;
  template: boolean;
  /** The file the argument's URI named, when it named one. */
  path?: string;
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
