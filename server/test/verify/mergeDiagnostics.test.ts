import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeDiagnostics } from "../../src/language/diagnostics";
import { mergeDiagnostics } from "../../src/language/mergeDiagnostics";
import { parseUnitFile } from "../../src/language/parser";
import { unitKind } from "../../src/language/unitKind";
import { verifyFile } from "../../src/systemd/verifyFile";
import { documentOf, testService } from "../service";
import { fixtureCases } from "./fixtureCases";
import { recordedDiagnostics, type FixtureName } from "./recorded";

/** Our own diagnostics and the recorded systemd-analyze ones for a fixture. */
function both(name: FixtureName): { own: Diagnostic[]; verify: Diagnostic[] } {
  const fixture = fixtureCases[name]!;
  return { own: computeDiagnostics(parseUnitFile(fixture.text), unitKind(fixture.path)), verify: recordedDiagnostics(name) };
}

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1} ${d.source} ${String(d.code)}`);

function at(line: number, start: number, end: number, source: string, data?: object): Diagnostic {
  return {
    range: { start: { line, character: start }, end: { line, character: end } },
    severity: DiagnosticSeverity.Warning,
    source,
    message: `${source} ${line}:${start}`,
    ...(data && { data }),
  };
}

describe("mergeDiagnostics", () => {
  it("shows a problem both found once, as ours, and keeps what only systemd-analyze found", () => {
    const { own, verify } = both("mistakes");
    assert.deepEqual(summary(mergeDiagnostics(own, verify)), [
      "3 unitsmith unknown-directive",
      "6 systemd-analyze missing-executable",
      "7 unitsmith duplicate-directive",
      "7 unitsmith invalid-value",
      "8 unitsmith unknown-directive",
      "9 unitsmith invalid-value",
      "10 unitsmith removed-directive",
      "11 unitsmith invalid-value",
      "12 systemd-analyze undefined",
      "13 unitsmith invalid-value",
      "15 unitsmith unknown-section",
    ]);
  });

  it("matches a broken header and an entry before any section with our rules for them", () => {
    const header = both("header");
    assert.deepEqual(summary(mergeDiagnostics(header.own, header.verify)), [
      "1 unitsmith invalid-section-header",
      "2 unitsmith entry-outside-section",
    ]);
    const outside = both("outside");
    assert.deepEqual(summary(mergeDiagnostics(outside.own, outside.verify)), ["1 unitsmith entry-outside-section"]);
  });

  it("one problem, one finding: a misspelled ExecStart= is our unknown-directive and missing-exec-start, and the real systemd-analyze's refusal is recognised as the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), "unitsmith-meaning-"));
    try {
      const path = join(dir, "web.service");
      const text = "[Unit]\nDescription=web\n\n[Service]\nExecStrat=/usr/bin/true\n";
      writeFileSync(path, text);
      const verified = await verifyFile(path);
      assert.ok(verified.ran);
      assert.ok(
        verified.diagnostics.some((d) => /has no ExecStart=/.test(String(d.message))),
        "systemd-analyze refuses the unit",
      );
      const shown = await testService().diagnostics(documentOf(path, text), verified.diagnostics);
      assert.deepEqual(summary(shown), ["4 unitsmith missing-exec-start", "5 unitsmith unknown-directive"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a line without =: the real systemd-analyze's \"Missing '='\" is our malformed-line, shown once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "unitsmith-meaning-"));
    try {
      const path = join(dir, "web.service");
      const text = "[Unit]\nDescription=web\n\n[Service]\nExecStart=/usr/bin/true\nRestart on-failure\n";
      writeFileSync(path, text);
      const verified = await verifyFile(path);
      assert.ok(verified.ran);
      assert.ok(
        verified.diagnostics.some((d) => /Missing '='/.test(String(d.message))),
        "systemd-analyze reports the line",
      );
      const shown = await testService().diagnostics(documentOf(path, text), verified.diagnostics);
      assert.deepEqual(summary(shown), ["6 unitsmith malformed-line"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a binary file is one finding, whatever systemd-analyze says of its lines", () => {
    const bytes = Buffer.from(Array.from({ length: 100 * 1024 }, (_, i) => (i * 7919 + 13) % 256)).toString("utf8");
    const own = computeDiagnostics(parseUnitFile(bytes), unitKind("/x/random.service"));
    assert.deepEqual(summary(own), ["2 unitsmith invalid-encoding"]);
    assert.deepEqual(mergeDiagnostics(own, [at(3, 0, 4, "systemd-analyze"), at(9, 0, 2, "systemd-analyze")]), own);
  });

  it("keeps two different problems on one line: ours on the key, systemd's on the value", () => {
    const own = at(4, 0, 7, "unitsmith");
    const verify = at(4, 8, 17, "systemd-analyze", { environmentDependent: false, directive: "Restart" });
    assert.deepEqual(mergeDiagnostics([own], [verify]), [own, verify]);
  });

  it("never drops a verify diagnostic about the whole line or the whole unit", () => {
    const own = at(0, 1, 5, "unitsmith");
    const unitLevel = at(0, 0, 6, "systemd-analyze", { environmentDependent: true });
    assert.deepEqual(mergeDiagnostics([own], [unitLevel]), [unitLevel, own]);
  });

  it("does not match the same key on another line", () => {
    const own = at(2, 0, 3, "unitsmith");
    const verify = at(3, 0, 3, "systemd-analyze", { environmentDependent: false, directive: "Foo" });
    assert.equal(mergeDiagnostics([own], [verify]).length, 2);
  });
});
