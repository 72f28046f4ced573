export * from "./ast";
export { parseUnitFile } from "./parse";
