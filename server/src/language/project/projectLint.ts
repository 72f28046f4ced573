import type { Diagnostic } from "vscode-languageserver-types";
import { ruleDiagnostic } from "../diagnostics";
import type { UnitLanguageHost } from "../host";
import { invalidProjectFile } from "../rules/projectFile";
import { findProjectConfig, settingsForFile, type LintFlags, type LintSettings } from "./projectConfig";

export interface ProjectLint {
  /** Undefined when the project file ignores the file. */
  settings?: LintSettings;
  /** Why the project file found was not applied. */
  problem?: Diagnostic;
}

const relativeTo = (directory: string, path: string) => path.slice(directory === "/" ? 1 : directory.length + 1);

/** The lint settings of the file at `path` under the nearest project file, read through the host. */
export async function projectLint(host: UnitLanguageHost, path: string, base: LintSettings, flags: LintFlags = {}): Promise<ProjectLint> {
  const found = await findProjectConfig((file, maxBytes) => host.readFile(file, maxBytes), path);
  if (!found || "error" in found) {
    const settings = settingsForFile(base, undefined, path, flags);
    if (!found) return { settings };
    const start = { line: 0, character: 0 };
    const message = `The project file ${found.path} is not applied: ${found.error}.`;
    const problem = ruleDiagnostic(invalidProjectFile, { start, end: start }, message, settings?.severities ?? {});
    return { settings, ...(problem && { problem }) };
  }
  const directory = found.path.slice(0, found.path.lastIndexOf("/")) || "/";
  const settings = settingsForFile(base, found.config, relativeTo(directory, path), flags);
  return settings ? { settings } : {};
}
