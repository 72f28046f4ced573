// Writes the settings schema into package.json's contributes.configuration and the project file's
// JSON schema into schemas/, so the manifest and the server never disagree. A test fails when this
// has not been run after a schema change.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectSchema } from "../server/src/language/project/projectSchema";
import { manifestConfiguration } from "../server/src/settings/manifest";

const path = join(__dirname, "..", "package.json");
const manifest = JSON.parse(readFileSync(path, "utf8"));
manifest.contributes.configuration = manifestConfiguration();
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${Object.keys(manifest.contributes.configuration.properties).length} settings to package.json`);
writeFileSync(join(__dirname, "..", "schemas", "unitsmith-project.schema.json"), `${JSON.stringify(projectSchema(), null, 2)}\n`);
