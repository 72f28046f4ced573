import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { LspSession } from "./lspClient";

const SERVER = join(__dirname, "../../server");
const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, timeout: 180_000, encoding: "utf8" });

describe("the server package from npm pack, installed with npm install -g into a clean prefix", () => {
  let root: string;
  let prefix: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "unitsmith-pack-"));
    prefix = join(root, "prefix");
    const [tarball] = JSON.parse(npm(["pack", "--json", "--pack-destination", root], SERVER)) as { filename: string }[];
    npm(["install", "-g", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", join(root, tarball!.filename)], root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("installs both bins, and unitsmith lints with the rule pages of the installed copy", () => {
    const unitsmith = join(prefix, "bin/unitsmith");
    assert.ok(existsSync(join(prefix, "bin/unitsmith-language-server")));
    const version = JSON.parse(readFileSync(join(SERVER, "package.json"), "utf8")).version as string;
    assert.equal(execFileSync(unitsmith, ["--version"], { timeout: 30_000, encoding: "utf8" }).trim(), version);
    writeFileSync(join(root, "web.service"), "[Service]\nExecStrat=/usr/bin/web\n");
    let sarif = "";
    try {
      execFileSync(unitsmith, ["lint", "--format", "sarif", "web.service"], { cwd: root, timeout: 30_000, encoding: "utf8" });
    } catch (error) {
      sarif = (error as { stdout: string }).stdout;
    }
    const rule = JSON.parse(sarif).runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "unknown-directive");
    const page = fileURLToPath(rule.helpUri);
    assert.ok(page.startsWith(realpathSync(prefix)) || page.startsWith(prefix), page);
    assert.match(readFileSync(page, "utf8"), /^# `unknown-directive`/);
  });

  it("the installed language server answers, and its diagnostics link to the installed pages", async () => {
    const { session, result } = await LspSession.start(undefined, { serverBin: join(prefix, "bin/unitsmith-language-server") });
    try {
      assert.ok(result.capabilities.hoverProvider);
      const uri = await session.open(join(root, "typo.service"), "[Service]\nExecStrat=/usr/bin/web\n");
      const { diagnostics } = await session.diagnosticsFor(uri);
      const typo = diagnostics.find((d) => d.code === "unknown-directive")!;
      assert.match(readFileSync(fileURLToPath(typo.codeDescription!.href), "utf8"), /^# `unknown-directive`/);
    } finally {
      await session.shutdown();
    }
  });
});
