import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseUnitFile } from "../../src/language/parser";
import { valueRules } from "../../src/language/rules/valueRules";
import { fileSchemaFor } from "../../src/language/schema/fileSchema";
import { unitKind } from "../../src/language/unitKind";
import { installedUnitFiles } from "../language/installedUnitFiles";

describe("value checks on the unit files installed on this machine", () => {
  it("find nothing wrong with any value systemd ships", () => {
    const perKind = new Map<string, number>();
    const findings: string[] = [];
    for (const path of installedUnitFiles()) {
      const kind = unitKind(path);
      const file = parseUnitFile(readFileSync(path, "utf8"));
      const schema = fileSchemaFor(kind);
      for (const section of file.sections) {
        for (const entry of section.entries) {
          const info = schema?.directive(section.name, entry.key);
          if (info && entry.value !== "") perKind.set(info.value.kind, (perKind.get(info.value.kind) ?? 0) + 1);
        }
      }
      for (const finding of valueRules.check({ file, kind, target: {} })) {
        findings.push(`${path}:${file.lines.rangeOf(finding.span.start, finding.span.end).start.line + 1}: ${finding.message}`);
      }
    }
    const counts = [...perKind].sort((a, b) => b[1] - a[1]);
    console.log(`values checked per kind: ${counts.map(([kind, n]) => `${kind} ${n}`).join(", ")}`);
    assert.ok((perKind.get("exec") ?? 0) > 50, "expected the installed units to hold many ExecStart= lines");
    assert.deepEqual(findings, []);
  });
});
