/**
 * The contract between the Unitsmith language server and its clients: command ids with their
 * argument and result types, custom notifications, the language id, and the unit-name and
 * file-kind rules both sides apply. The VS Code client imports the server through this module only
 * (and the generator's entry point).
 */
export * from "./commands";
export * from "./deploy";
export * from "./initialization";
export * from "./languageId";
export * from "./lineFormatLanguages";
export * from "./notifications";
export * from "./operationArguments";
export * from "./operationResults";
export * from "./unitNames";
export * from "./workspaceFiles";
export { unitKind, NETWORKD_TYPES, QUADLET_TYPES, UNIT_TYPES, type Scope, type UnitKind } from "../language/unitKind";
