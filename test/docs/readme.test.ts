import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { allRules } from "../../server/src/language/rules/registry";
import { settingsSchema } from "../../server/src/settings/schema";

const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
const manifest = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));

describe("the README", () => {
  it("lists every rule with its default severity", () => {
    for (const rule of allRules) {
      const row = new RegExp(`^\\|\\s*\`${rule.id}\`\\s*\\|\\s*${rule.defaultSeverity}\\s*\\|`, "m");
      assert.match(readme, row, `README lacks rule ${rule.id}`);
    }
  });

  it("lists every setting but the per-rule ones", () => {
    for (const key of Object.keys(settingsSchema).filter((k) => !k.startsWith("unitsmith.lint."))) {
      assert.ok(readme.includes(`\`${key}\``), `README lacks setting ${key}`);
    }
  });

  it("gives the two commands a newcomer runs, and they exist", () => {
    assert.match(readme, /```sh\nnpm ci && npm start\n```/);
    assert.match(readme, /```sh\nnpm test\n```/);
    assert.ok(manifest.scripts.start && manifest.scripts.test);
  });
});
