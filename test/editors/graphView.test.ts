// The dependency graph's webview page in a real Chromium: the bundled script lays out a graph the
// language service drew, shows every unit, and asks the extension to open the file of a clicked
// one. The page runs outside VS Code here, so the test stands in for VS Code's webview API
// (acquireVsCodeApi): it records what the page posts and sends it the graph.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { graphPageHtml } from "../../client/src/graph/graphPage";
import { dependencyGraphDot } from "../../server/src/language/languageService";
import { documentOf, machineService } from "../../server/test/service";
import { artifactsDir, repoRoot } from "./support/paths";
import { launchChromium, type HeadlessChromium } from "./vscode/chromium";

describe("the dependency graph's webview page in Chromium", () => {
  let browser: HeadlessChromium;
  let dir: string;

  before(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), "unitsmith-graph-view-"));
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("draws every unit around systemd-journald.service and opens a clicked unit's file", async () => {
    const unit = "/lib/systemd/system/systemd-journald.service";
    const { readFileSync } = await import("node:fs");
    const graph = await machineService().dependencyGraph(documentOf(unit, readFileSync(unit, "utf8")), 2);
    assert.ok(graph && graph.nodes.length > 5, "a graph of several units");
    mkdirSync(dir, { recursive: true });
    const page = join(dir, "graph.html");
    const script = pathToFileURL(join(repoRoot, "client/dist/graphView.js")).href;
    writeFileSync(page, graphPageHtml(script, "file:", "Dependencies: systemd-journald.service"));

    const tab = await browser.context.newPage();
    // A string, so the page gets the stand-in as written here (no helpers of the TypeScript build).
    await tab.addInitScript({
      content: "window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (message) => window.posted.push(message) });",
    });
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForFunction(() => (window as unknown as { posted: { ready?: true }[] }).posted.some((m) => m.ready));
    await tab.evaluate((dot) => window.postMessage({ dot }, "*"), dependencyGraphDot(graph));
    await tab.waitForSelector("#graph svg g.node");

    const shown = await tab.$$eval("#graph svg g.node title", (titles) => titles.map((title) => title.textContent));
    assert.deepEqual(shown.sort(), graph.nodes.map((node) => node.name).sort());
    console.log(`    screenshot: ${join(artifactsDir("screenshots"), "dependency-graph-webview.png")}`);
    await tab.screenshot({ path: join(artifactsDir("screenshots"), "dependency-graph-webview.png"), fullPage: true });

    await tab.click('#graph svg g.node:has(title:text-is("sysinit.target"))');
    const posted = await tab.evaluate(() => (window as unknown as { posted: { open?: string }[] }).posted.filter((m) => m.open));
    assert.deepEqual(posted, [{ open: pathToFileURL(graph.nodes.find((node) => node.name === "sysinit.target")!.path!).href }]);
  });
});
