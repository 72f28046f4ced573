import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { build } from "esbuild";
import { importCycles, importGraph, ROOT } from "./importGraph";

describe("the import structure", () => {
  test("no import cycles in the server or the client", () => {
    assert.deepEqual(importCycles(importGraph(["server/src", "client/src"])), []);
  });

  test("finds a cycle where there is one (the check itself)", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    assert.deepEqual(importCycles(graph), [["a.ts", "b.ts", "c.ts"]]);
  });

  test("the client imports the server only through the contract and the generator's entry point", () => {
    const allowed = new Set(["server/src/protocol/index.ts", "server/src/language/generate/index.ts"]);
    const reaches = [...importGraph(["client/src"])].flatMap(([file, targets]) =>
      targets.filter((target) => target.startsWith("server/") && !allowed.has(target)).map((target) => `${file} → ${target}`),
    );
    assert.deepEqual(reaches, []);
  });

  test("the client bundle holds no server code with side effects: no LSP wiring, systemd adapters, operations or CLI", async () => {
    const result = await build({
      entryPoints: ["client/src/extension.ts"],
      absWorkingDir: ROOT,
      bundle: true,
      platform: "node",
      format: "cjs",
      external: ["vscode"],
      write: false,
      metafile: true,
      outfile: "extension.js",
      logLevel: "silent",
    });
    const serverFiles = Object.keys(result.metafile.inputs).filter((path) => path.startsWith("server/"));
    assert.ok(serverFiles.includes("server/src/protocol/index.ts"), "the contract is bundled");
    const pure = serverFiles.filter((path) => path.startsWith("server/src/protocol/") || path.startsWith("server/src/language/"));
    assert.deepEqual(
      serverFiles.filter((path) => !pure.includes(path)),
      [],
    );
  });
});
