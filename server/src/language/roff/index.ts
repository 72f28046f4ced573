export * from "./document";
export { parseRoff } from "./parse";
export { renderBlocks, renderDocument, type MarkdownOptions } from "./markdown";
export { directiveEntries, type DirectiveEntry } from "./directiveIndex";
export { listedDirectives, listedDirectiveSteps, parseManReference, type ListedDirective, type ManReference } from "./directivesPage";
export { inSlices, type Steps } from "./steps";
export {
  createManPage,
  manPageSteps,
  directiveDoc,
  renderedDirectiveSteps,
  renderedDirectiveDoc,
  pageMarkdown,
  termDoc,
  type DirectiveDoc,
  type ManPage,
  type RenderedDirectives,
} from "./manPage";
