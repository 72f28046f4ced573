import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, afterEach, describe, it } from "node:test";
import type { Diagnostic } from "vscode-languageserver-types";
import { TextDocument } from "vscode-languageserver-textdocument";
import { defaultSettings, type Settings } from "../../src/settings/settings";
import { VerifyOnSave } from "../../src/lsp/verifyOnSave";
import { untilExists } from "../systemd/liveProcesses";

const work = mkdtempSync(join(tmpdir(), "unitsmith-verify-on-save-"));
after(() => rmSync(work, { recursive: true, force: true }));
const realPath = process.env.PATH ?? "";
afterEach(() => {
  process.env.PATH = realPath;
});

const real = realPath
  .split(delimiter)
  .map((dir) => join(dir, "systemd-analyze"))
  .find((path) => existsSync(path));

/**
 * Puts first on PATH a systemd-analyze that notes each call in `calls`, waits while `gate` is
 * missing (when given) and then hands over to the real one.
 */
function wrapSystemdAnalyze(name: string, gate?: string): string {
  const bin = mkdtempSync(join(work, `${name}-`));
  const calls = join(bin, "calls");
  const wait = gate ? `while [ ! -e '${gate}' ]; do sleep 0.05; done\n` : "";
  writeFileSync(join(bin, "systemd-analyze"), `#!/bin/sh\necho "$1" >> '${calls}'\n${wait}exec '${real}' "$@"\n`, { mode: 0o755 });
  process.env.PATH = `${bin}${delimiter}${realPath}`;
  return calls;
}

function document(name: string, text: string): TextDocument {
  return TextDocument.create(pathToFileURL(join(work, name)).href, "systemd-unit", 1, text);
}

/** A verifier as the server makes one, recording what it would publish and tell the user. */
function verifier() {
  const published: string[] = [];
  const told: string[] = [];
  const errors: string[] = [];
  const onSave = new VerifyOnSave(
    (uri) => published.push(uri),
    { error: (message) => errors.push(message), info: () => undefined },
    (message) => told.push(message),
  );
  return { onSave, published, told, errors };
}

const BAD_RESTART = "[Service]\nExecStart=/bin/true\nRestart=sometimes\n";
const withVerify = (verify: Partial<Settings["verify"]>): Settings => ({
  ...defaultSettings,
  verify: { ...defaultSettings.verify, ...verify },
});
const sources = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.source}: ${String(d.message)}`);

describe(
  "verify on save (in process, the real systemd-analyze behind a wrapper)",
  { skip: !real && "systemd-analyze is not installed" },
  () => {
    it("keeps systemd-analyze's findings for the saved version and drops them after an edit", async () => {
      const { onSave, published } = verifier();
      const doc = document("edited.service", BAD_RESTART);
      await onSave.saved(doc, defaultSettings);
      assert.deepEqual(published, [doc.uri]);
      assert.match(sources(onSave.diagnosticsFor(doc)).join("\n"), /^systemd-analyze: .*sometimes/m);

      TextDocument.update(doc, [{ text: `${BAD_RESTART}# edited\n` }], 2);
      onSave.forget(doc.uri);
      assert.deepEqual(onSave.diagnosticsFor(doc), []);
      assert.deepEqual(published, [doc.uri, doc.uri], "published again, without them");
    });

    it("throws away a result that arrives after a newer edit", async () => {
      const gate = join(work, "gate");
      const calls = wrapSystemdAnalyze("slow", gate);
      const { onSave, published } = verifier();
      const doc = document("raced.service", BAD_RESTART);
      const running = onSave.saved(doc, defaultSettings);
      await untilExists(calls);
      // The edit arrives while systemd-analyze still works on version 1.
      TextDocument.update(doc, [{ text: "[Service]\nExecStart=/bin/true\nRestart=whenever\n" }], 2);
      onSave.forget(doc.uri);
      writeFileSync(gate, "");
      await running;
      assert.deepEqual(onSave.diagnosticsFor(doc), []);
      assert.deepEqual(published, [], "nothing was recorded, so nothing to publish");
    });

    it("runs nothing with verify.onSave false", async () => {
      const calls = wrapSystemdAnalyze("off");
      const { onSave, published } = verifier();
      const doc = document("off.service", BAD_RESTART);
      await onSave.saved(doc, withVerify({ onSave: false }));
      assert.equal(existsSync(calls), false, "systemd-analyze never ran");
      assert.deepEqual([onSave.diagnosticsFor(doc), published], [[], []]);
    });

    it("says once that systemd-analyze is missing, and stays quiet after", async () => {
      process.env.PATH = join(work, "no-such-bin");
      const { onSave, told, errors } = verifier();
      await onSave.saved(document("first.service", BAD_RESTART), defaultSettings);
      await onSave.saved(document("second.service", BAD_RESTART), defaultSettings);
      await onSave.saved(document("first.service", BAD_RESTART), defaultSettings);
      assert.deepEqual(told, [
        "systemd-analyze was not found, so units are not checked with systemd-analyze verify. Unitsmith's own checks go on; install systemd to have saved units verified by systemd itself.",
      ]);
      assert.deepEqual(errors, []);
    });
  },
);
