import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver-types";
import { ADD_INSTALL_SECTION_KIND } from "../protocol/codeActionKinds";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import type { UnitFile } from "./parser";
import { convertCronSchedule } from "./quickFixes/cronFix";
import { moveDirective, renameDirective, replaceWithSuccessor } from "./quickFixes/directiveFixes";
import { createMissingUnit } from "./quickFixes/createUnit";
import { addToSection, entryAt, sectionOf } from "./quickFixes/edits";
import type { Fix } from "./quickFixes/fixContext";
import { insertEquals } from "./quickFixes/insertEquals";
import { spelledTimeSpan } from "./quickFixes/spelledTimeSpan";
import { addBeside, addInstallTarget, removeEntry, resetExecStart } from "./quickFixes/semanticFixes";
import { replaceInvalidValue, restartOnFailure, userDefaultTarget } from "./quickFixes/valueFixes";
import { usualInstallTarget } from "./rules/semanticInstall";
import { fileSchemaFor } from "./schema/fileSchema";
import type { UnitKind } from "./unitKind";

/** Quick fixes by diagnostic code. */
const FIXES: Readonly<Record<string, Fix>> = {
  "unknown-directive": renameDirective,
  "misplaced-directive": moveDirective,
  "deprecated-directive": replaceWithSuccessor,
  "removed-directive": replaceWithSuccessor,
  "invalid-value": (context) => [...convertCronSchedule(context), ...spelledTimeSpan(context), ...replaceInvalidValue(context)],
  "malformed-line": insertEquals,
  "questionable-value": replaceInvalidValue,
  "unknown-capability": replaceInvalidValue,
  "literal-percent": replaceInvalidValue,
  "oneshot-restart": restartOnFailure,
  "system-target-in-user-unit": userDefaultTarget,
  "network-online-not-wanted": addBeside("Wants"),
  "network-online-not-ordered": addBeside("After"),
  "install-without-target": addInstallTarget,
  "duplicate-directive": removeEntry,
  "user-in-user-unit": removeEntry,
  "drop-in-exec-start-append": resetExecStart,
  "unit-not-found": createMissingUnit,
};

function addInstallSection(file: UnitFile, kind: UnitKind, uri: string): CodeAction[] {
  const target = usualInstallTarget(kind);
  const schema = fileSchemaFor(kind);
  if (!target || !schema || kind.dropIn || file.sections.some((section) => section.name === "Install")) return [];
  const line = `WantedBy=${target}`;
  return [
    {
      title: `Add an [Install] section with ${line}`,
      kind: ADD_INSTALL_SECTION_KIND,
      edit: { changes: { [uri]: [addToSection(file, "Install", line, schema.sections)] } },
    },
  ];
}

const wanted = (kind: string, only: readonly string[] | undefined) =>
  !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));

/**
 * Code actions for a document: quick fixes for the Unitsmith diagnostics among `diagnostics` (as the
 * client sends them back, with their data), and source actions; `only` is the client's kind filter.
 */
export function codeActions(
  file: UnitFile,
  kind: UnitKind,
  diagnostics: readonly Diagnostic[],
  uri: string,
  only?: readonly string[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    const schema = fileSchemaFor(kind);
    for (const diagnostic of diagnostics) {
      const fix = diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.code === "string" ? FIXES[diagnostic.code] : undefined;
      if (!fix) continue;
      const entry = entryAt(file, diagnostic.range);
      actions.push(...fix({ file, kind, schema, uri, diagnostic, entry, section: entry && sectionOf(file, entry) }));
    }
  }
  if (only && wanted(ADD_INSTALL_SECTION_KIND, only)) actions.push(...addInstallSection(file, kind, uri));
  return actions;
}
