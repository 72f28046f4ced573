// The server and the CLI compile their large bundles with a V8 code cache kept beside them
// (server/src/startup/codeCache.ts). A cache that is garbage, or made from another build, must
// cost nothing but its rewriting; a good one is read, not written again.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DiagnosticSeverity } from "vscode-languageserver-protocol";
import { fingerprint } from "../../server/src/startup/fingerprint";
import { LspSession } from "./lspClient";

const SERVER = join(__dirname, "../../server");

describe("the V8 code cache beside the bundles", () => {
  let root: string;
  let dist: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "unitsmith-code-cache-"));
    dist = join(root, "dist");
    cpSync(join(SERVER, "bin"), join(root, "bin"), { recursive: true });
    cpSync(join(SERVER, "dist"), dist, { recursive: true, filter: (path) => !path.endsWith(".cache") });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** The cache as it should be for `bundle`: the bundle's fingerprint, then V8's data. */
  const cacheOf = (bundle: string) => {
    const cache = readFileSync(join(dist, `${bundle}.cache`));
    const hash = fingerprint(readFileSync(join(dist, bundle)));
    assert.ok(cache.subarray(0, hash.length).equals(hash), `${bundle}.cache was made from another source`);
    assert.ok(cache.length > 1024, `${bundle}.cache holds ${cache.length} bytes`);
    return { bytes: cache, mtimeMs: statSync(join(dist, `${bundle}.cache`)).mtimeMs };
  };

  /** A start of the copied server that reports an unknown directive, as any start must. */
  const serverStart = async () => {
    const { session } = await LspSession.start(undefined, { serverBin: join(root, "bin/unitsmith-language-server.js") });
    const uri = await session.open(join(root, "web.service"), "[Service]\nExecStart=/usr/bin/web\nRestartSecs=5\n");
    const published = await session.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity]),
      [["unknown-directive", DiagnosticSeverity.Error]],
    );
    assert.equal(await session.shutdown(), 0);
  };

  it("the server starts from garbage caches, replaces them, and reads them the next time", async () => {
    const bundles = ["serverBoot.js", "serverSession.js"];
    for (const bundle of bundles) writeFileSync(join(dist, `${bundle}.cache`), "not a code cache");
    await serverStart();
    const first = bundles.map(cacheOf);
    await serverStart();
    for (const [i, kept] of bundles.map(cacheOf).entries()) {
      assert.equal(kept.mtimeMs, first[i]!.mtimeMs, `a good ${bundles[i]}.cache was written again instead of read`);
      assert.ok(kept.bytes.equals(first[i]!.bytes));
    }
    assert.deepEqual(
      readdirSync(dist).filter((name) => /\.cache\.\d+$/.test(name)),
      [],
      "a half-written cache was left behind",
    );
  });

  it("the command line does the same with its own bundle's cache", () => {
    const unitsmith = join(root, "bin/unitsmith.js");
    const version = JSON.parse(readFileSync(join(SERVER, "package.json"), "utf8")).version as string;
    writeFileSync(join(dist, "cliMain.js.cache"), Buffer.alloc(4096, 7));
    assert.equal(execFileSync(process.execPath, [unitsmith, "--version"], { timeout: 30_000, encoding: "utf8" }).trim(), version);
    const first = cacheOf("cliMain.js");
    assert.equal(execFileSync(process.execPath, [unitsmith, "--version"], { timeout: 30_000, encoding: "utf8" }).trim(), version);
    assert.equal(cacheOf("cliMain.js").mtimeMs, first.mtimeMs, "a good cache was written again instead of read");
  });
});
