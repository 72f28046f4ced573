import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { allRules } from "../../server/src/language/rules/registry";
import { RULE_PAGES_URI } from "../../server/src/rulePagesLocation";
import { emptyHost } from "../../server/src/language/languageService";
import { staticCatalog } from "../../server/src/language/unitCatalog";
import { documentOf, testService } from "../../server/test/service";
import { parseTargetList, targetSystemdOf } from "../../server/src/language/targets/targetList";

/** systemd=252 or systemd=debian-12,ubuntu-24.04: the target a page's example is judged against. */
function targetOf(list: string) {
  const parsed = parseTargetList(list);
  if (!("targets" in parsed)) throw new Error(`systemd=${list}: "${parsed.unknown}" is no version or distribution`);
  return targetSystemdOf(parsed.targets);
}

const ROOT = join(__dirname, "../..");
const PAGES = join(ROOT, "docs/rules");
const read = (path: string) => readFileSync(path, "utf8");

/**
 * A fenced unit file of a rule page: ```ini file=PATH [systemd=LIST] [beside=a,b] [maxFileSizeKB=N],
 * with the ```json file=PATH project files of the same section and its ```ini file=PATH
 * installed=yes units, which stand for units installed on the machine (not examples themselves).
 */
interface Example {
  heading: string;
  attributes: Record<string, string>;
  text: string;
  projectFiles: Record<string, string>;
}

function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  const projectFiles: Record<string, string> = {};
  let heading = "";
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("## ")) heading = line.slice(3).trim();
    const fence = /^```(ini|json) (.*)$/.exec(line);
    if (!fence) continue;
    const attributes = Object.fromEntries(fence[2]!.split(/\s+/).map((pair) => pair.split("=") as [string, string]));
    const end = lines.indexOf("```", i + 1);
    const text = `${lines.slice(i + 1, end).join("\n")}\n`;
    if (fence[1] === "json" || attributes.installed === "yes") projectFiles[`${heading}:${attributes.file}`] = text;
    else examples.push({ heading, attributes, text, projectFiles });
    i = end;
  }
  return examples;
}

async function findingsOf({ heading, attributes, projectFiles }: Example, text: string): Promise<string[]> {
  const beside = attributes.beside?.split(",") ?? [];
  const installed = Object.keys(projectFiles)
    .filter((key) => key.startsWith(`${heading}:`) && key.endsWith(".service"))
    .map((key) => key.slice(heading.length + 1));
  const service = testService(
    {
      listDirectory: async () => beside.map((name) => ({ name, type: "file" as const })),
      readFile: async (path) => projectFiles[`${heading}:${path}`],
      units: async (scope) =>
        staticCatalog([
          ...installed.map((path) => ({ name: path.slice(path.lastIndexOf("/") + 1), origin: "installed" as const, path })),
          ...(await emptyHost().units(scope)).list(),
        ]),
    },
    {
      ...(attributes.systemd && { target: targetOf(attributes.systemd) }),
      ...(attributes.maxFileSizeKB && { maxFileSizeKB: Number(attributes.maxFileSizeKB) }),
    },
  );
  const diagnostics = await service.diagnostics(documentOf(attributes.file!, text));
  return diagnostics.map((d) => String(d.code));
}

const pages = readdirSync(PAGES).filter((name) => name.endsWith(".md"));

describe("the rule pages", () => {
  it("every rule has a page and every page a rule", () => {
    assert.deepEqual(pages.map((name) => name.slice(0, -3)).sort(), allRules.map((rule) => rule.id).sort());
  });

  it("the index links every page", () => {
    const index = read(join(ROOT, "docs/rules.md"));
    for (const rule of allRules) assert.ok(index.includes(`](rules/${rule.id}.md)`), rule.id);
  });

  it("each of our diagnostics links to its rule's page; systemd-analyze's do not", async () => {
    const service = testService({}, { rulePages: RULE_PAGES_URI });
    const outside = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      source: "systemd-analyze",
      message: "x",
    };
    const diagnostics = await service.diagnostics(documentOf("/srv/web.service", "[Service]\nExecStrat=/usr/bin/web\n"), [outside]);
    const linked = diagnostics.filter((d) => d.codeDescription);
    assert.deepEqual(linked.map((d) => d.code).sort(), ["missing-exec-start", "unknown-directive"]);
    for (const d of linked) {
      assert.match(read(fileURLToPath(d.codeDescription!.href)), new RegExp(`^# \`${String(d.code)}\``));
    }
    assert.equal(diagnostics.find((d) => d.source === "systemd-analyze")?.codeDescription, undefined);
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      const markdown = read(join(PAGES, `${rule.id}.md`));
      const examples = examplesOf(markdown);

      it("names the rule, its default severity and a man page section", () => {
        assert.match(markdown, new RegExp(`^# \`${rule.id}\`\n`));
        assert.match(markdown, new RegExp(`^Default severity: ${rule.defaultSeverity}\\b`, "m"));
        for (const heading of ["Why it matters", "Wrong", "Right", "Quick fix", "Reference"]) {
          assert.match(markdown, new RegExp(`^## ${heading}$`, "m"), heading);
        }
        assert.match(markdown, /\]\(https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/latest\/[^)]+\.html#[^)]+\)/);
      });

      it("its wrong example gives the finding and its right example clears it", async () => {
        const wrong = examples.filter((example) => example.heading === "Wrong");
        const right = examples.filter((example) => example.heading === "Right");
        assert.ok(wrong.length > 0 && right.length > 0, "a wrong and a right example");
        for (const example of [...wrong, ...right]) assert.ok(example.attributes.file, "each example names its file");
        for (const example of wrong) assert.ok((await findingsOf(example, example.text)).includes(rule.id), example.text);
        // A right example is right as a whole: no finding of any rule.
        for (const example of right) assert.deepEqual(await findingsOf(example, example.text), [], example.text);
      });
    });
  }
});
