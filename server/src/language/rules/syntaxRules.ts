import type { MalformedNode } from "../parser";
import { fileSchemaFor } from "../schema/fileSchema";
import { meantAssignment } from "./meantAssignment";
import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";

export const malformedLine: RuleInfo = {
  id: "malformed-line",
  defaultSeverity: "error",
  description: "A line that is neither a [Section] header, a Key=Value entry nor a comment; systemd ignores it.",
};

export const invalidSectionHeader: RuleInfo = {
  id: "invalid-section-header",
  defaultSeverity: "error",
  description: "A section header that systemd cannot read; the whole file then fails to load.",
};

export const entryOutsideSection: RuleInfo = {
  id: "entry-outside-section",
  defaultSeverity: "error",
  description: "An entry before the first [Section] header; systemd ignores it.",
};

export const unterminatedContinuation: RuleInfo = {
  id: "unterminated-continuation",
  defaultSeverity: "warning",
  description: "The last line ends with a backslash, continuing a value past the end of the file.",
};

function malformedFinding(node: MalformedNode, meant: string | undefined): Finding {
  const span = node.contentSpan;
  switch (node.reason) {
    case "invalid-section-header":
      return {
        rule: invalidSectionHeader,
        span,
        message: `Invalid section header "${node.content}": expected a name in brackets such as [Service], with nothing after the closing bracket and no quotes, backslashes or control characters. systemd refuses to load this file.`,
      };
    case "missing-key":
      return {
        rule: malformedLine,
        span,
        message: `Missing directive name before "=": expected Key=Value, such as ExecStart=/usr/bin/app. systemd ignores this line.`,
      };
    case "missing-equals":
      return meant
        ? { rule: malformedLine, span, message: `Missing "=": did you mean \`${meant}\`? systemd ignores this line.`, data: { meant } }
        : {
            rule: malformedLine,
            span,
            message: `Missing "=": expected Key=Value (ExecStart=/usr/bin/app), a [Section] header or a comment starting with # or ;. systemd ignores this line.`,
          };
  }
}

export const syntaxRules: RuleFamily = {
  rules: [malformedLine, invalidSectionHeader, entryOutsideSection, unterminatedContinuation],
  check({ file, kind }: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const schema = fileSchemaFor(kind);
    let section: string | undefined;
    for (const node of file.nodes) {
      if (node.kind === "section") section = node.name;
      if (node.kind === "malformed") findings.push(malformedFinding(node, meantAssignment(node.content, section, schema)));
      if (node.kind === "entry" && node.unterminated) {
        findings.push({
          rule: unterminatedContinuation,
          span: { start: node.contentEnd - 1, end: node.contentEnd },
          message: "This backslash continues the value onto the next line, but the file ends here. Remove the backslash.",
        });
      }
    }
    for (const entry of file.orphanEntries) {
      findings.push({
        rule: entryOutsideSection,
        span: entry.keySpan,
        message: `"${entry.key}=" comes before any [Section] header, so systemd ignores it. Move it under the section it belongs to.`,
      });
    }
    return findings;
  },
};
