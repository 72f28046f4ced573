import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { runCli } from "../../server/src/cli/main";
import { allRules } from "../../server/src/language/rules/registry";
import { COMMANDS, SHOW_MAN_PAGE } from "../../server/src/protocol";
import { settingsSchema } from "../../server/src/settings/schema";
import { localisedManifest } from "../support/manifest";

const ROOT = join(__dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const manifest = localisedManifest() as {
  scripts: Record<string, string>;
  contributes: { commands: { command: string; title: string }[] };
};
const documents = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** The code spans (or links on a code span) that open the body rows of a document's tables. */
function codeCells(markdown: string): string[] {
  const rows = markdown.split("\n").filter((line) => line.startsWith("|"));
  const isSeparator = (row: string | undefined) => row !== undefined && /^\|\s*-/.test(row);
  return rows
    .filter((row, i) => !isSeparator(row) && !isSeparator(rows[i + 1]))
    .flatMap((row) => /^\[?`([^`]+)`(?:\]\([^)]*\))?$/.exec(row.split("|")[1]!.trim())?.[1] ?? []);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the manual", () => {
  it("README gives the two commands a newcomer runs, and they exist", () => {
    const readme = read("README.md");
    assert.match(readme, /```sh\nnpm ci && npm start\n```/);
    assert.match(readme, /```sh\nnpm test\n```/);
    assert.ok(manifest.scripts.start && manifest.scripts.test);
  });

  it("README stays a front door: a few hundred lines at most", () => {
    assert.ok(read("README.md").split("\n").length <= 300);
  });

  it("the rules page lists exactly the rules, each with its default severity", () => {
    const page = read("docs/rules.md");
    assert.deepEqual(codeCells(page).sort(), allRules.map((rule) => rule.id).sort());
    for (const rule of allRules) {
      assert.match(
        page,
        new RegExp(
          `^\\|\\s*\\[\`${escaped(rule.id)}\`\\]\\(rules/${escaped(rule.id)}\\.md\\)\\s*\\|\\s*${rule.defaultSeverity}\\s*\\|`,
          "m",
        ),
        rule.id,
      );
    }
  });

  it("the settings page lists exactly the settings, the per-rule ones as one row", () => {
    const settings = Object.keys(settingsSchema).filter((key) => !key.startsWith("unitsmith.lint."));
    assert.deepEqual(codeCells(read("docs/settings.md")).sort(), [...settings, "unitsmith.lint.<rule-id>"].sort());
  });

  it("lists exactly VS Code's commands with their titles, and the server's commands", () => {
    const features = read("docs/features.md");
    const ui = manifest.contributes.commands.map((command) => command.command);
    const server = Object.values(COMMANDS) as string[];
    assert.deepEqual(codeCells(features).sort(), [...ui, ...server].sort());
    for (const { command, title } of manifest.contributes.commands) {
      assert.match(features, new RegExp(`\`${escaped(command)}\`\\s*\\|\\s*${escaped(title)}\\s*\\|`), command);
    }
    assert.ok(features.includes(`\`${SHOW_MAN_PAGE}\``));
  });

  it("lists exactly the commands of the command line", async () => {
    let help = "";
    await runCli(["--help"], { stdout: (text) => (help += text), stderr: () => undefined, cwd: ROOT });
    const commands = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((match) => `unitsmith ${match[1]}`);
    assert.ok(commands.length >= 3, help);
    assert.deepEqual(codeCells(read("docs/cli.md")).sort(), commands.sort());
  });

  it("every relative link leads to a file of the repository", () => {
    for (const document of documents) {
      for (const [, target] of read(document).matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const path = resolve(dirname(join(ROOT, document)), target!);
        assert.ok(!relative(ROOT, path).startsWith(".."), `${document} points outside the repository: ${target}`);
        assert.ok(existsSync(path), `${document} links to a missing ${target}`);
      }
    }
  });

  it("README's index links every page of docs/", () => {
    const readme = read("README.md");
    for (const document of documents.filter((path) => path.startsWith("docs/"))) assert.ok(readme.includes(`](${document})`), document);
  });
});
