import { reportMarker } from "./suite/reportMarker";

/**
 * Picks the lines worth showing out of one page console message: mocha's report from the
 * extension host (marked by the suite), and errors the workbench logs (an extension that fails
 * to activate shows up there). Everything else the workbench logs is left out.
 */
export function extensionHostLines(consoleText: string): string[] {
  if (consoleText.includes(reportMarker)) {
    // Mocha colours its symbols when the environment says the terminal can (CI=true does).
    return stripColours(consoleText)
      .split("\n")
      .filter((line) => line.includes(reportMarker))
      .map((line) => line.slice(line.indexOf(reportMarker) + reportMarker.length));
  }
  const error = /^%c\s*ERR color: \S+ ([\s\S]*)$/.exec(consoleText);
  return error ? [`[error] ${error[1]}`] : [];
}

function stripColours(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
