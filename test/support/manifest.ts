import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, name), "utf8"));

/** package.nls.json: the English text of each `%key%` of the manifest. */
export function manifestTexts(): Record<string, string> {
  return readJson("package.nls.json") as Record<string, string>;
}

/** Every `%key%` the manifest names, in the order it names them. */
export function manifestKeys(): string[] {
  return [...readFileSync(join(ROOT, "package.json"), "utf8").matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]!);
}

/** package.json as VS Code shows it in English: each `%key%` string replaced by its package.nls.json text. */
export function localisedManifest(): unknown {
  const texts = manifestTexts();
  return JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"), (_key, value: unknown) => {
    const key = typeof value === "string" ? /^%([^%]+)%$/.exec(value)?.[1] : undefined;
    if (key === undefined) return value;
    const text = texts[key];
    if (text === undefined) throw new Error(`package.json names %${key}%, which package.nls.json does not hold`);
    return text;
  });
}
