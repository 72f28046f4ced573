// Writes l10n/bundle.l10n.json, every message of the extension's t() calls in English: the file a
// translation (l10n/bundle.l10n.<locale>.json) is made from. A test fails when it is out of date.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { englishBundle, L10N_BUNDLE } from "./l10nMessages";

const bundle = englishBundle();
mkdirSync(dirname(L10N_BUNDLE), { recursive: true });
writeFileSync(L10N_BUNDLE, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`wrote ${Object.keys(bundle).length} messages to l10n/bundle.l10n.json`);
