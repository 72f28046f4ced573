import type { Diagnostic } from "vscode-languageserver-types";
import type { Severity } from "../language/rules/rule";
import { nameOf, type FileDiagnostics } from "./lintReports";

const messageOf = (d: Diagnostic) => (typeof d.message === "string" ? d.message : d.message.value);
const ruleOf = (d: Diagnostic) => String(d.code ?? d.source ?? "finding");

const githubLevel: Record<Severity, string> = { error: "error", warning: "warning", info: "notice", hint: "notice" };
const githubData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const githubProperty = (text: string) => githubData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: one `::error file=…,line=…::message` annotation per finding. */
export function githubReport(results: readonly FileDiagnostics[]): string {
  return results
    .flatMap(({ file, diagnostics }) =>
      diagnostics.map((d) => {
        const properties = [
          ["file", file],
          ["line", d.range.start.line + 1],
          ["col", d.range.start.character + 1],
          ["endLine", d.range.end.line + 1],
          ["endColumn", d.range.end.character + 1],
          ["title", ruleOf(d)],
        ]
          .map(([key, value]) => `${key}=${githubProperty(String(value))}`)
          .join(",");
        return `::${githubLevel[nameOf(d)]} ${properties}::${githubData(messageOf(d))}\n`;
      }),
    )
    .join("");
}

/** Text as an XML attribute or element: escaped, without the control characters XML 1.0 cannot hold. */
const xmlChar = (c: string) => {
  const code = c.codePointAt(0)!;
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : c === "\t" || c === "\n" || c === "\r";
};
const xml = (text: string) =>
  [...text].filter(xmlChar).join("").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const checkstyleSeverity: Record<Severity, string> = { error: "error", warning: "warning", info: "info", hint: "info" };

/** Checkstyle XML: a <file> per linted file, an <error> per finding, the rule id as its source. */
export function checkstyleReport(results: readonly FileDiagnostics[]): string {
  const files = results.map(({ file, diagnostics }) => {
    const errors = diagnostics.map(
      (d) =>
        `    <error line="${d.range.start.line + 1}" column="${d.range.start.character + 1}" severity="${checkstyleSeverity[nameOf(d)]}" message="${xml(messageOf(d))}" source="unitsmith.${xml(ruleOf(d))}"/>\n`,
    );
    return `  <file name="${xml(file)}">\n${errors.join("")}  </file>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n${files.join("")}</checkstyle>\n`;
}

/**
 * JUnit XML: a test suite per linted file, a failing test case per finding (a clean file is one
 * passing case), so CI servers that read test results list the findings.
 */
export function junitReport(results: readonly FileDiagnostics[]): string {
  const suites = results.map(({ file, diagnostics }) => {
    const cases =
      diagnostics.length === 0
        ? [`    <testcase classname="${xml(file)}" name="no findings"/>\n`]
        : diagnostics.map((d) => {
            const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
            return (
              `    <testcase classname="${xml(file)}" name="${xml(`${where} ${ruleOf(d)}`)}">\n` +
              `      <failure message="${xml(messageOf(d))}" type="${nameOf(d)}">${xml(`${where}: ${nameOf(d)}: ${messageOf(d)} [${ruleOf(d)}]`)}</failure>\n` +
              `    </testcase>\n`
            );
          });
    const tests = Math.max(1, diagnostics.length);
    return `  <testsuite name="${xml(file)}" tests="${tests}" failures="${diagnostics.length}" errors="0">\n${cases.join("")}  </testsuite>\n`;
  });
  const tests = results.reduce((sum, { diagnostics }) => sum + Math.max(1, diagnostics.length), 0);
  const failures = results.reduce((sum, { diagnostics }) => sum + diagnostics.length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="unitsmith lint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join("")}</testsuites>\n`;
}
