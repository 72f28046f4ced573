export * from "./ast";
export { endsWithContinuation, parseUnitFile } from "./parse";
export { reparseUnitFile } from "./reparse";
export { nodeAt, sectionAt } from "./nodeAt";
