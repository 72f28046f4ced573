import { pathOfUri as documentPath } from "../language/fileUri";
import { unitKind, type Scope } from "../language/unitKind";
import { unitFilePath } from "../systemd/unitDirectories";
import { checkUnitName, instantiate, isTemplateName } from "../protocol/unitNames";
import type { UnitState } from "../protocol/operationResults";
import { invalid, isObject, type Parsed } from "../protocol/operationArguments";
import { parseInstallOptions, type InstallOptions } from "./arguments";
import type { OperationContext } from "./context";
import { fail, failFile } from "./failures";
import { unlessNoManager } from "./managerSteps";
import { withSession, type Session } from "./session";
import { applyAction } from "./unitActions";
import type { Answer, InstallResult } from "../protocol/operationResults";

export interface InstallRequest extends InstallOptions {
  /** The unit file as saved. */
  source: string;
  /** Its name: where it goes in the scope's directory. */
  unit: string;
  scope: Scope;
  /** The unit to enable and start: the name itself, or an instance of a template. */
  runUnit?: string;
}

/** Checks `{uri, scope?, mode?, enable?, start?, overwrite?, instance?}`. */
export function parseInstallArgument(args: unknown): Parsed<InstallRequest> {
  if (!isObject(args) || typeof args.uri !== "string")
    return invalid('install takes {"uri": <the unit file>, "scope": "system" | "user", ...}');
  const source = documentPath(args.uri);
  const kind = unitKind(source);
  if (kind.file?.family !== "unit" || kind.dropIn || kind.systemctlEditTemp)
    return invalid(`${source} is not a unit file that can be installed`);
  const name = checkUnitName(kind.name);
  if (!name.ok) return invalid(name.message);
  const scope = args.scope ?? kind.scope;
  if (scope !== "system" && scope !== "user") return invalid('say where to install: "scope" must be "system" or "user"');
  const options = parseInstallOptions(args);
  if (!options.ok) return options;

  let runUnit: string | undefined = name.name;
  if (isTemplateName(name.name)) {
    if (args.instance === undefined) runUnit = undefined;
    else {
      const instance = instantiate(name.name, typeof args.instance === "string" ? args.instance : "");
      if (!instance.ok) return invalid(instance.message);
      runUnit = instance.name;
    }
  } else if (args.instance !== undefined) {
    return invalid(`${name.name} is not a template, so it takes no instance`);
  }
  if (!runUnit && (options.value.enable || options.value.start)) {
    return invalid(`${name.name} is a template: give an instance name ("instance") to enable or start`);
  }
  return { ok: true, value: { ...options.value, source, unit: name.name, scope, ...(runUnit && { runUnit }) } };
}

/** Puts the file in place by copying; true when the installed file changed. */
async function copyInto(context: OperationContext, request: InstallRequest, destination: string): Promise<boolean> {
  const { files } = context;
  const content = await (context.sourceFiles ?? files)
    .read(request.source)
    .catch((error) => failFile(error, request.source, request.scope, "Reading"));
  if (!context.transport.remote && request.source === destination) return false;
  const existing = await files.kind(destination).catch((error) => failFile(error, destination, request.scope, "Looking at"));
  if (existing === "directory" || existing === "other")
    fail("file-error", `${destination} exists and is not a file; Unitsmith leaves it alone.`, { path: destination });
  if (existing === "file" && (await files.read(destination)) === content) return false;
  if (existing !== "missing" && !request.overwrite) {
    fail(
      "needs-confirmation",
      `${destination} already exists and is different. Replace it? (send the command again with "overwrite": true)`,
      {
        needsConfirmation: true,
        path: destination,
      },
    );
  }
  await files
    .write(destination, content)
    .catch((error) =>
      failFile(error, destination, request.scope, "Writing", ["install", "-m", "0644", "-T", "--", request.source, destination]),
    );
  return true;
}

/** Puts the file in place with `systemctl link`; true when the link changed. */
async function linkInto(context: OperationContext, session: Session, request: InstallRequest, destination: string): Promise<boolean> {
  const existing = await context.files.kind(destination).catch((error) => failFile(error, destination, request.scope, "Looking at"));
  if (existing === "symlink" && (await context.files.linkTarget(destination)) === request.source) return false;
  if (existing !== "missing" && !request.overwrite) {
    fail(
      "needs-confirmation",
      `${destination} already exists and is not a link to ${request.source}. Replace it? (send the command again with "overwrite": true)`,
      {
        needsConfirmation: true,
        path: destination,
      },
    );
  }
  await session.change(["link", ...(existing === "missing" ? [] : ["--force"]), "--", request.source]);
  return true;
}

/** Makes the unit run with the new file: start it when stopped, restart it when it runs and the file changed. */
async function run(session: Session, unit: string, fileChanged: boolean): Promise<{ changed: boolean; message: string; state: UnitState }> {
  const before = await session.actionableState(unit, true);
  const action = before.run === "running" ? (fileChanged ? "restart" : undefined) : "start";
  if (!action) return { changed: false, message: `${unit} is already running this file.`, state: before };
  const result = await applyAction(session, unit, action);
  return { changed: true, message: result.message, state: result.state };
}

/**
 * Installs a unit file where systemd reads it for the scope (copy, or `systemctl link`), reloads
 * systemd when the file changed, and optionally enables and starts it. A different file already there is replaced
 * only with `overwrite`. Without a manager to talk to, a copied file stays and the answer says
 * which steps were left undone.
 */
export function install(context: OperationContext, request: InstallRequest, signal?: AbortSignal): Promise<Answer<InstallResult>> {
  return withSession(context, request.scope, signal, async (session) => {
    if (request.mode === "link" && context.transport.remote) {
      fail("invalid-argument", `systemctl link needs the file on ${context.transport.name}: install a copy instead ("mode": "copy").`);
    }
    const destination = unitFilePath(context.directories, request.scope, request.unit);
    const fileChanged =
      request.mode === "link" ? await linkInto(context, session, request, destination) : await copyInto(context, request, destination);
    const messages = [fileChanged ? `Wrote ${destination}.` : `${destination} is already this file.`];
    let changed = fileChanged;
    let state: UnitState | undefined;
    const noManager = await unlessNoManager(async () => {
      // One reload, and only when there is something new to read; a file systemd already has needs none.
      if (fileChanged || context.reloadPending.has(request.scope)) {
        await session.daemonReload();
        messages.push(`Reloaded the ${request.scope} manager.`);
      }
      if (!request.runUnit) return;
      if (request.enable) {
        const enabled = await applyAction(session, request.runUnit, "enable");
        changed ||= enabled.changed;
        messages.push(enabled.message);
      }
      if (request.start) {
        const started = await run(session, request.runUnit, fileChanged);
        changed ||= started.changed;
        messages.push(started.message);
      }
      state = await session.state(request.runUnit);
    });
    if (noManager) {
      if (fileChanged) context.reloadPending.add(request.scope);
      messages.push(`Not done: ${skippedSteps(request, fileChanged)}. ${noManager}`);
    }
    return {
      ok: true,
      unit: request.unit,
      scope: request.scope,
      path: destination,
      mode: request.mode,
      changed,
      message: messages.join(" "),
      ran: session.ran,
      ...(noManager && { managerUnreachable: true }),
      ...(state && { state }),
    };
  });
}

/** The manager's steps an install asked for, in words: "reload the system manager, enable and start x.service". */
function skippedSteps(request: InstallRequest, fileChanged: boolean): string {
  const verbs = [...(request.runUnit && request.enable ? ["enable"] : []), ...(request.runUnit && request.start ? ["start"] : [])];
  const parts = [
    ...(fileChanged ? [`reload the ${request.scope} manager`] : []),
    ...(verbs.length > 0 ? [`${verbs.join(" and ")} ${request.runUnit}`] : []),
  ];
  return parts.length > 0 ? parts.join(", ") : `ask the ${request.scope} manager about ${request.unit}`;
}
