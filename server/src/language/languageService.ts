/**
 * The pure language core: text and a path in, LSP types out. No Node APIs, no processes, no I/O,
 * so it runs the same in the server, the CLI, tests and a browser.
 */
export { parseUnitFile } from "./parser";
export type { UnitFile } from "./parser";
export { unitKind } from "./unitKind";
export type { UnitKind } from "./unitKind";
export { computeDiagnostics, DIAGNOSTIC_SOURCE } from "./diagnostics";
export type { LintSeverities, SeveritySetting } from "./diagnostics";
export { documentSymbols } from "./symbols";
export { foldingRanges } from "./folding";
export { allRules } from "./rules/registry";
