import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { computeDiagnostics } from "../../src/language/diagnostics";
import { parseUnitFile } from "../../src/language/parser";
import { unitKind } from "../../src/language/unitKind";
import { installedUnitFiles } from "./installedUnitFiles";

describe("the unit files installed on this machine", () => {
  const files = installedUnitFiles();

  it("are there to test against", () => {
    assert.ok(files.length > 100, `found only ${files.length} unit files under /lib/systemd and /usr/lib/systemd`);
  });

  // Warnings allowed on shipped units: documented deprecations the vendor has not caught up with.
  const tolerated = new Set(["deprecated-directive", "removed-directive", "removed-value"]);

  it("parse and print back byte for byte, with no diagnostics but documented deprecations", () => {
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      const file = parseUnitFile(text);
      assert.equal(file.nodes.map((n) => text.slice(n.start, n.end)).join(""), text, path);
      assert.deepEqual(
        computeDiagnostics(file, unitKind(path))
          .filter((d) => !tolerated.has(String(d.code)))
          .map((d) => `${d.range.start.line + 1}: ${d.message}`),
        [],
        path,
      );
    }
    console.log(`checked ${files.length} installed unit files`);
  });
});
