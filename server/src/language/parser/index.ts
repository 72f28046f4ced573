export * from "./ast";
export { parseUnitFile } from "./parse";
export { nodeAt, sectionAt } from "./nodeAt";
