import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";

export const invalidEncoding: RuleInfo = {
  id: "invalid-encoding",
  defaultSeverity: "error",
  description: "NUL bytes or invalid UTF-8: the file is binary or in the wrong encoding.",
};

const REPLACEMENT = "\uFFFD";

export const encodingRules: RuleFamily = {
  rules: [invalidEncoding],
  check({ file }: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const nul = file.text.indexOf("\0");
    if (nul >= 0) {
      findings.push({
        rule: invalidEncoding,
        span: { start: nul, end: nul + 1 },
        message: "This file contains NUL bytes, so it is binary rather than a unit file; systemd stops reading a line at a NUL byte.",
      });
    }
    const bad = file.text.indexOf(REPLACEMENT);
    // Bytes that are not UTF-8 in a binary file are no news.
    if (bad >= 0 && nul < 0) {
      findings.push({
        rule: invalidEncoding,
        span: { start: bad, end: bad + 1 },
        message:
          "This file is not valid UTF-8 here (shown as \uFFFD). systemd expects UTF-8 and rejects values that are not; save the file as UTF-8.",
      });
    }
    return findings;
  },
};
