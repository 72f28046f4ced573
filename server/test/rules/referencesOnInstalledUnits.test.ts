import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { installedUnitFiles } from "../language/installedUnitFiles";
import { documentOf, machineService } from "../service";

// Every installed unit names units this machine has: a finding here would be a false alarm.
describe("rules about other units, on every unit installed on this machine", () => {
  it("find no unit named nowhere, no unit both pulled in and conflicting, and no ordering loop", async () => {
    const service = machineService();
    const files = installedUnitFiles();
    assert.ok(files.length > 100, `${files.length} installed files`);
    const found: string[] = [];
    for (const path of files) {
      for (const diagnostic of await service.diagnostics(documentOf(path, readFileSync(path, "utf8")))) {
        if (["unit-not-found", "requires-and-conflicts", "ordering-cycle"].includes(String(diagnostic.code))) {
          found.push(`${path}:${diagnostic.range.start.line + 1}: ${diagnostic.message as string}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });
});
