import { statSync } from "node:fs";
import { resolve } from "node:path";

/** What a VS Code extension-test command line asks for, in the terms of the code-server harness. */
export interface CodeLaunch {
  extensionDevelopmentPath: string;
  /** The suite module itself (a directory or a path without `.js` resolved the way `require` does). */
  extensionTestsPath: string;
  /** The folder to open; undefined when the command line names none. */
  folder: string | undefined;
  /** Options the harness does not know; VS Code would warn about them too. */
  unknown: string[];
}

/** A command line the harness cannot run; the shim exits with code 2 and this message. */
export class UsageError extends Error {}

// Options that take a value, as `--name=value` or `--name value`. Those not read here are always
// true of a harness run already (a fresh profile of its own, no other extensions installed).
const valueOptions = new Set([
  "extensionDevelopmentPath",
  "extensionTestsPath",
  "user-data-dir",
  "extensions-dir",
  "profile",
  "locale",
  "log",
  "disable-extension",
  "crash-reporter-directory",
]);

// Switches test-electron and extension authors pass; each describes how every harness run goes anyway.
const knownSwitches = new Set([
  "no-sandbox",
  "disable-gpu-sandbox",
  "disable-chromium-sandbox",
  "disable-gpu",
  "disable-updates",
  "skip-welcome",
  "skip-release-notes",
  "disable-workspace-trust",
  "disable-extensions",
  "disable-telemetry",
  "disable-crash-reporter",
  "no-cached-data",
  "new-window",
  "verbose",
]);

/**
 * Reads the arguments test-electron's `runTests` gives the VS Code executable: its own switches,
 * `--extensionTestsPath=`, `--extensionDevelopmentPath=`, the profile directories, and whatever the
 * caller put in `launchArgs` (usually the folder to open first). Relative paths are taken from `cwd`,
 * as VS Code takes them.
 */
export function parseCodeArguments(args: readonly string[], cwd: string): CodeLaunch {
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (valueOptions.has(name)) {
      let value: string | undefined;
      if (equals !== -1) {
        value = arg.slice(equals + 1);
      } else {
        value = args[i + 1];
        i++;
      }
      if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else if (!knownSwitches.has(name)) {
      unknown.push(arg);
    }
  }

  const one = (name: string): string => {
    const given = values.get(name) ?? [];
    if (given.length !== 1) {
      throw new UsageError(
        given.length === 0 ? `--${name} is missing` : `--${name} is given ${given.length} times; the harness loads exactly one`,
      );
    }
    return resolve(cwd, given[0] ?? "");
  };

  if (positional.length > 1) throw new UsageError(`the harness opens one folder, not ${positional.length}: ${positional.join(", ")}`);
  let folder: string | undefined;
  if (positional[0] !== undefined) {
    folder = resolve(cwd, positional[0]);
    if (!isDirectory(folder)) throw new UsageError(`${folder} is not a folder; the harness opens folders only`);
  }

  const extensionDevelopmentPath = one("extensionDevelopmentPath");
  if (!isDirectory(extensionDevelopmentPath))
    throw new UsageError(`--extensionDevelopmentPath: ${extensionDevelopmentPath} is not a folder`);
  return { extensionDevelopmentPath, extensionTestsPath: one("extensionTestsPath"), folder, unknown };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
