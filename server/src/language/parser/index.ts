export * from "./ast";
export { endsWithContinuation, parseUnitFile } from "./parse";
export { nodeAt, sectionAt } from "./nodeAt";
