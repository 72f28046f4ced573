import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { MarkupContent } from "vscode-languageserver-types";
import { createFileProbe, createPathLister } from "../../src/workspace/fileSystemProbes";
import { readFileHead } from "../../src/workspace/readFileHead";
import { atCursor, testService } from "../service";

describe("hover on a directive that drop-ins change", () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-history-"));
    write("app.service.d/10-nice.conf", "[Service]\nNice=5\nEnvironment=B=2\n");
    write("service.d/20-reset.conf", "[Service]\nUser=\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const hoverAt = async (path: string, text: string) => {
    const { document, position } = atCursor(join(dir, path), text);
    const service = testService({ listDirectory: createPathLister(), isFile: createFileProbe(), readFile: readFileHead });
    const answer = await service.hover(document, position);
    return (answer?.contents as MarkupContent | undefined)?.value ?? "";
  };

  it("says which drop-in overrides, adds to or resets the assignment, with a link to its line", async () => {
    const unit = "[Service]\nExecStart=/bin/true\nNi|ce=1\nEnvironment=A=1\nUser=web\n";
    assert.match(
      await hoverAt("app.service", unit),
      new RegExp(`- Overridden by \\[10-nice\\.conf:2\\]\\(file://${dir}/app\\.service\\.d/10-nice\\.conf#L2\\)`),
    );
    assert.match(
      await hoverAt("app.service", unit.replace("Ni|ce", "Nice").replace("Environment=A", "Envi|ronment=A")),
      /- Added to by \[10-nice\.conf:3\]/,
    );
    assert.match(
      await hoverAt("app.service", unit.replace("Ni|ce", "Nice").replace("User=web", "Us|er=web")),
      /- Reset to its default by \[20-reset\.conf:2\]/,
    );
  });

  it("says in a drop-in what its assignment overrides", async () => {
    write("app.service", "[Service]\nExecStart=/bin/true\nNice=1\n");
    assert.match(await hoverAt("app.service.d/10-nice.conf", "[Service]\nNi|ce=5\nEnvironment=B=2\n"), /- Overrides \[app\.service:3\]/);
  });

  it("says nothing of other files where no drop-in exists", async () => {
    const text = await hoverAt("lonely.socket", "[Socket]\nListen|Stream=80\n");
    assert.match(text, /ListenStream=/);
    assert.doesNotMatch(text, /Overridden|Overrides|Added to|Reset/);
  });
});
