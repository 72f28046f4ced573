import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { NEW_UNIT_COMMANDS } from "../../client/src/newUnit/commandIds";
import { UI_COMMANDS, UNITS_VIEW } from "../../client/src/operations/commandIds";
import { serverCommandId, type CommandName } from "../../client/src/operations/serverCommands";
import { COMMANDS } from "../../server/src/protocol";
import { SERVER_VERSION } from "../../server/src/version";

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string }[]>;
    views: Record<string, { id: string }[]>;
  };
}

const manifest: Manifest = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));

describe("the manifest's operations UI", () => {
  it("contributes exactly the commands the extension registers, under the Unitsmith category", () => {
    const contributed = manifest.contributes.commands.map((command) => command.command).sort();
    assert.deepEqual(contributed, [...Object.values(UI_COMMANDS), ...Object.values(NEW_UNIT_COMMANDS)].sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, "Unitsmith", command.command);
  });

  it("puts only contributed commands in menus", () => {
    const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(contributed.has(entry.command), `${menu}: ${entry.command}`);
    }
  });

  it("contributes the units view the extension fills", () => {
    const views = Object.values(manifest.contributes.views).flat();
    assert.ok(views.some((view) => view.id === UNITS_VIEW));
  });

  it("calls the server by the ids it registers", () => {
    for (const [name, id] of Object.entries(COMMANDS)) assert.equal(serverCommandId(name as CommandName), id);
  });
});

describe("one version", () => {
  it("the extension, the server package, the client package, the server's own report and the lock file agree", () => {
    const versionOf = (path: string) => (JSON.parse(readFileSync(join(__dirname, "../..", path), "utf8")) as { version: string }).version;
    const lock = JSON.parse(readFileSync(join(__dirname, "../../package-lock.json"), "utf8")) as {
      version: string;
      packages: Record<string, { version?: string }>;
    };
    const versions = {
      extension: versionOf("package.json"),
      server: versionOf("server/package.json"),
      client: versionOf("client/package.json"),
      reported: SERVER_VERSION,
      lock: lock.version,
      lockedServer: lock.packages.server?.version,
      lockedClient: lock.packages.client?.version,
    };
    assert.deepEqual(new Set(Object.values(versions)).size, 1, JSON.stringify(versions));
  });
});
