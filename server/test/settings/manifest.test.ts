import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { allRules } from "../../src/language/rules/registry";
import { PROJECT_FILE } from "../../src/language/project/projectConfig";
import { projectSchema } from "../../src/language/project/projectSchema";
import { manifestConfiguration, manifestSettingTexts, settingNlsKey } from "../../src/settings/manifest";
import { settingsSchema } from "../../src/settings/schema";
import { validateSettings } from "../../src/settings/settings";

const manifest = JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8"));

describe("settings", () => {
  it("package.json declares exactly the server's settings (run scripts/sync-manifest.ts after a change)", () => {
    assert.deepEqual(manifest.contributes.configuration, JSON.parse(JSON.stringify(manifestConfiguration())));
  });

  it("package.nls.json holds each setting's description in English, under the key package.json names (run scripts/sync-manifest.ts after a change)", () => {
    const texts = JSON.parse(readFileSync(join(__dirname, "../../../package.nls.json"), "utf8")) as Record<string, string>;
    for (const [key, text] of Object.entries(manifestSettingTexts())) assert.equal(texts[key], text, key);
    assert.equal(
      manifest.contributes.configuration.properties["unitsmith.maxFileSizeKB"].description,
      `%${settingNlsKey("unitsmith.maxFileSizeKB")}%`,
    );
  });

  it("the extension validates .unitsmith.json with the project file's schema (run scripts/sync-manifest.ts after a change)", () => {
    const [validation] = manifest.contributes.jsonValidation;
    assert.equal(validation.fileMatch, PROJECT_FILE);
    const schema = JSON.parse(readFileSync(join(__dirname, "../../..", validation.url), "utf8"));
    assert.deepEqual(schema, JSON.parse(JSON.stringify(projectSchema())));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), allRules.map((rule) => rule.id).sort());
  });

  it("give every rule a severity setting with its default", () => {
    for (const rule of allRules) {
      const spec = settingsSchema[`unitsmith.lint.${rule.id}`];
      assert.ok(spec, `no setting for rule ${rule.id}`);
      assert.equal(spec.default, rule.defaultSeverity);
    }
    assert.equal(new Set(allRules.map((r) => r.id)).size, allRules.length, "rule ids are unique");
  });

  it("fall back to defaults and say why for invalid values", () => {
    const { settings, problems } = validateSettings({
      maxFileSizeKB: -3,
      lint: { "malformed-line": "loud", "invalid-encoding": "ignore" },
      bogus: 1,
    });
    assert.equal(settings.maxFileSizeKB, 2048);
    assert.equal(settings.lint["malformed-line"], "error");
    assert.equal(settings.lint["invalid-encoding"], "ignore");
    assert.equal(problems.length, 3);
    assert.match(problems.join("\n"), /unitsmith\.maxFileSizeKB is -3; expected a number of at least 1/);
    assert.match(problems.join("\n"), /unitsmith\.lint\.malformed-line is "loud"; expected one of ignore, hint, info, warning, error/);
    assert.match(problems.join("\n"), /Unknown setting unitsmith\.bogus/);
  });

  it("accept no configuration at all", () => {
    const { settings, problems } = validateSettings(undefined);
    assert.deepEqual(problems, []);
    assert.equal(settings.maxFileSizeKB, 2048);
  });
});
