/**
 * Prefixes every line of mocha's report inside the extension host, so the runner can pick the
 * report out of everything else the workbench logs to the page console.
 */
export const reportMarker = "[unitsmith-suite] ";
