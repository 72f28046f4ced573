// Writes the settings schema into package.json's contributes.configuration (each description a
// %setting.…% key) and the English texts of those keys into package.nls.json, beside the entries
// written there by hand (commands, views, the walkthrough); and the project file's JSON schema
// into schemas/. So the manifest and the server never disagree: a test fails when this has not
// been run after a schema change.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectSchema } from "../server/src/language/project/projectSchema";
import { manifestConfiguration, manifestSettingTexts, SETTING_NLS_PREFIX } from "../server/src/settings/manifest";

const root = join(__dirname, "..");
const writeJson = (name: string, value: unknown) => writeFileSync(join(root, name), `${JSON.stringify(value, null, 2)}\n`);

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
manifest.contributes.configuration = manifestConfiguration();
writeJson("package.json", manifest);
console.log(`wrote ${Object.keys(manifest.contributes.configuration.properties).length} settings to package.json`);

const nlsPath = join(root, "package.nls.json");
const written: Record<string, string> = existsSync(nlsPath) ? JSON.parse(readFileSync(nlsPath, "utf8")) : {};
const byHand = Object.entries(written).filter(([key]) => !key.startsWith(SETTING_NLS_PREFIX));
writeJson("package.nls.json", { ...Object.fromEntries(byHand), ...manifestSettingTexts() });

writeJson("schemas/unitsmith-project.schema.json", projectSchema());
