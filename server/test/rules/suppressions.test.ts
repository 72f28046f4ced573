import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { documentOf, testService } from "../service";

const findings = async (text: string, severities = {}) =>
  (await testService({}, { severities }).diagnostics(documentOf("web.service", text))).map(
    (d) => `${d.range.start.line}:${String(d.code)}`,
  );

describe("suppression comments", () => {
  it("disable-next-line silences the named rules on the next line only", async () => {
    const text = ["[Service]", "ExecStart=/usr/bin/web", "# unitsmith-disable-next-line unknown-directive", "X_Vendor=1", "Vendor=2"].join(
      "\n",
    );
    assert.deepEqual(await findings(text), ["4:unknown-directive"]);
  });

  it("takes several ids, stacks over comments and covers every line of a continued entry", async () => {
    const text = [
      "[Service]",
      "ExecStart=/usr/bin/web",
      "# unitsmith-disable-next-line duplicate-directive, invalid-value -- vendor default",
      "Restart=sometimes",
      "Restart=on-failure",
      "# unitsmith-disable-next-line questionable-value",
      "# the range is written as the vendor ships it",
      "CPUAffinity=1 \\",
      "  3-1",
    ].join("\n");
    assert.deepEqual(await findings(text), []);
    assert.deepEqual(await findings(text.replaceAll("# unitsmith-", "# ")), [
      "3:duplicate-directive",
      "3:invalid-value",
      "8:questionable-value",
    ]);
  });

  it("disable silences a rule in the whole file, wherever the comment is", async () => {
    const text = ["[Service]", "ExecStart=/usr/bin/web", "Foo=1", "Bar=2", "; unitsmith-disable unknown-directive"].join("\n");
    assert.deepEqual(await findings(text), []);
  });

  it("reports a suppression that silences nothing, an unknown id, and an empty list, at the name", async () => {
    const text = [
      "# unitsmith-disable missing-exec-start",
      "[Service]",
      "# unitsmith-disable-next-line unknown-directive, no-such-rule",
      "ExecStart=/usr/bin/web",
      "# unitsmith-disable-next-line",
      "Type=simple",
    ].join("\n");
    const diagnostics = await testService().diagnostics(documentOf("web.service", text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ["unused-suppression", 0, 20, 38],
        ["unused-suppression", 2, 30, 47],
        ["unused-suppression", 2, 49, 61],
        ["unused-suppression", 4, 2, 29],
      ],
    );
    assert.match(String(diagnostics[2]!.message), /"no-such-rule" is no rule of Unitsmith/);
  });

  it("does not call a suppression of an ignored rule unused, and unused-suppression itself can be disabled", async () => {
    const stale = "[Service]\nExecStart=/usr/bin/web\n# unitsmith-disable-next-line duplicate-directive\nType=simple\n";
    assert.deepEqual(await findings(stale, { "duplicate-directive": "ignore" }), []);
    assert.deepEqual(await findings(`# unitsmith-disable unused-suppression\n${stale}`), []);
  });

  it("a suppression comment inside a continued value is value text, not a suppression", async () => {
    const text = ["[Service]", "ExecStart=/usr/bin/web \\", "# unitsmith-disable-next-line unknown-directive", "  --port 80", "Foo=1"].join(
      "\n",
    );
    assert.deepEqual(await findings(text), ["4:unknown-directive"]);
  });
});
