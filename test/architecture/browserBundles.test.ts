// The browser build's size budget: docs/performance.md writes it down, the README repeats the
// worker's, and the bundles that `npm run build` made must fit it.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { ROOT } from "./importGraph";

interface Budget {
  bundle: string;
  kib: number;
  gzipKib: number;
}

const number = (text: string) => Number(text.replace(/,/g, ""));

/** The rows of the budget table in docs/performance.md: | `path` ... | ≤ N KiB, ≤ M KiB gzipped | ... */
function budgets(): Budget[] {
  const page = readFileSync(join(ROOT, "docs/performance.md"), "utf8");
  return [...page.matchAll(/^\| `((?:server|client)\/dist\/\w+\.js)`[^|]*\| ≤ ([\d,]+) KiB, ≤ ([\d,]+) KiB gzipped\s*\|/gm)].map((m) => ({
    bundle: m[1]!,
    kib: number(m[2]!),
    gzipKib: number(m[3]!),
  }));
}

describe("the browser bundles' size budget", () => {
  test("docs/performance.md gives one for the worker and the web extension, and the README the worker's", () => {
    const found = budgets();
    assert.deepEqual(
      found.map((budget) => budget.bundle),
      ["server/dist/browserServer.js", "client/dist/browserExtension.js"],
    );
    const worker = found[0]!;
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    assert.ok(
      readme.includes(`${worker.kib.toLocaleString("en")} KiB (${worker.gzipKib.toLocaleString("en")} KiB gzipped)`),
      "the README states the worker's budget as docs/performance.md does",
    );
  });

  for (const { bundle, kib, gzipKib } of budgets()) {
    test(`${bundle} fits in ${kib} KiB, ${gzipKib} KiB gzipped`, () => {
      const path = join(ROOT, bundle);
      assert.ok(existsSync(path), `${bundle} is missing: run npm run build`);
      const bytes = readFileSync(path);
      assert.ok(bytes.length <= kib * 1024, `${bundle} is ${Math.ceil(bytes.length / 1024)} KiB`);
      const gzipped = gzipSync(bytes).length;
      assert.ok(gzipped <= gzipKib * 1024, `${bundle} is ${Math.ceil(gzipped / 1024)} KiB gzipped`);
    });
  }
});
