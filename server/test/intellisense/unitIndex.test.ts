import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readFileHead } from "../../src/workspace/readFileHead";
import { atCursor, testService } from "../service";
import { UnitIndex } from "../../src/workspace/unitIndex";
import { orderingEdges } from "../../src/language/graph/orderingEdges";
import { staticCatalog } from "../../src/language/unitCatalog";
import { createManPageLibrary } from "../../src/systemd/manPages";
import { HostWorker } from "../../src/workspace/hostWorker";
import { createNodeHost, FILES_FOR_THREAD } from "../../src/workspace/nodeHost";

const root = mkdtempSync(join(tmpdir(), "unitsmith-index-"));
after(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const base = mkdtempSync(join(root, "tree-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(base, path, ".."), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

/** Find References on a name of `unit`, by the language service over the given files as they are on disk. */
async function findUnitReferences(unit: string, files: readonly string[]) {
  const { document, position } = atCursor("/probe/probe.service", `[Unit]\nAfter=|${unit}\n`);
  return testService({ unitFiles: async () => files, readFile: readFileHead }).references(document, position);
}

describe("the unit index on this machine", { skip: !existsSync("/lib/systemd/system/multi-user.target") }, () => {
  const index = new UnitIndex({ workspaceFolders: [] });

  it("lists the installed system units with their Description= and path", async () => {
    const catalog = await index.catalog("system");
    const target = catalog.get("multi-user.target")!;
    assert.equal(target.origin, "installed");
    assert.match(target.path!, /^\/(usr\/)?lib\/systemd\/system\/multi-user\.target$/);
    assert.equal(catalog.description("multi-user.target"), "Multi-User System");
    assert.ok(!catalog.list().some((unit) => unit.name.endsWith(".wants")), "no .wants directories");
    assert.equal(new Set(catalog.list().map((unit) => unit.name)).size, catalog.list().length, "each unit once");
  });

  it("adds the special units no file defines, described from systemd.special(7)", async () => {
    const catalog = await index.catalog("system");
    const special = catalog.list().find((unit) => unit.origin === "special");
    if (special) assert.ok(catalog.description(special.name));
    assert.ok(catalog.get("multi-user.target"));
    assert.ok(!(await index.catalog("user")).get("multi-user.target"), "a user manager has no multi-user.target");
  });

  it("finds who refers to a unit among the installed files", async () => {
    const found = await findUnitReferences("systemd-journald.socket", await index.files("system"));
    assert.ok(
      found.some((location) => location.uri.endsWith("/systemd-journald.service")),
      JSON.stringify(found.slice(0, 3)),
    );
  });
});

describe("the unit index on awkward directories", () => {
  it("prefers the workspace, reads drop-ins, marks masked units and survives loops, FIFOs and missing directories", async () => {
    const workspace = tree({
      "deploy/web.service": "[Unit]\nDescription=Workspace web\nAfter=db.service\n",
      "deploy/web.service.d/limits.conf": "[Unit]\nWants=db.service\n",
      "node_modules/pkg/hidden.service": "[Unit]\nDescription=ignored\n",
      "notes/readme.md": "# not a unit\n",
    });
    symlinkSync(workspace, join(workspace, "deploy", "loop"));
    const system = tree({ "web.service": "[Unit]\nDescription=Installed web\n", "db.service": "[Unit]\nDescription=Database\n" });
    symlinkSync("/dev/null", join(system, "old.service"));
    mkdirSync(join(system, "dir.service"));
    execFileSync("mkfifo", [join(system, "pipe.service")]);
    const index = new UnitIndex({ workspaceFolders: [workspace], searchPaths: () => [join(root, "missing"), system] });
    const catalog = await index.catalog("system");
    assert.equal(catalog.get("web.service")!.origin, "workspace");
    assert.equal(catalog.description("web.service"), "Workspace web");
    assert.equal(catalog.get("old.service")!.masked, true);
    assert.equal(catalog.get("dir.service"), undefined, "a directory named like a unit is not a unit");
    assert.equal(catalog.description("pipe.service"), undefined, "a FIFO is not read");
    assert.equal(catalog.get("hidden.service"), undefined, "node_modules is skipped");
    const references = await findUnitReferences("db.service", await index.files("system"));
    assert.deepEqual(
      references.map((location) => location.uri.slice(location.uri.lastIndexOf("/deploy/"))),
      ["/deploy/web.service", "/deploy/web.service.d/limits.conf"],
    );
  });

  it("caps huge directories and rescans after invalidate()", async () => {
    const files = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`u${i}.service`, "[Unit]\n"]));
    const system = tree(files);
    const index = new UnitIndex({ searchPaths: () => [system], limits: { entriesPerDirectory: 10 } });
    assert.equal((await index.catalog("system")).list().filter((unit) => unit.origin === "installed").length, 10);
    const unlimited = new UnitIndex({ searchPaths: () => [system], ttlMs: 60_000 });
    await unlimited.catalog("system");
    writeFileSync(join(system, "later.service"), "[Unit]\n");
    assert.equal((await unlimited.catalog("system")).get("later.service"), undefined, "the scan is reused within its TTL");
    unlimited.invalidate();
    assert.ok((await unlimited.catalog("system")).get("later.service"));
  });

  it("knows which files name a unit, an instance for its template, and reads again only the files that changed", async () => {
    const workspace = tree({
      "app.service": "[Unit]\nAfter=db.service\n",
      "tty.service": "[Unit]\nWants=getty@tty1.service\n",
      "web.service.d/db.conf": "[Unit]\nRequires=db.service\n",
      "other.service": "[Unit]\nDescription=db.service in free text\n",
    });
    const index = new UnitIndex({ workspaceFolders: [workspace], searchPaths: () => [], ttlMs: 60_000 });
    const naming = async (unit: string) => (await index.filesNaming("system", unit)).map((path) => path.slice(workspace.length)).sort();
    assert.deepEqual(await naming("db.service"), ["/app.service", "/web.service.d/db.conf"]);
    assert.deepEqual(await naming("getty@.service"), ["/tty.service"]);
    writeFileSync(join(workspace, "app.service"), "[Unit]\nAfter=network.target\n");
    writeFileSync(join(workspace, "new.service"), "[Unit]\nBindsTo=db.service\n");
    assert.deepEqual(
      await naming("db.service"),
      ["/app.service", "/web.service.d/db.conf"],
      "what was read is kept until a change is told",
    );
    index.filesChanged([join(workspace, "app.service"), join(workspace, "new.service")]);
    assert.deepEqual(await naming("db.service"), ["/new.service", "/web.service.d/db.conf"]);
    assert.equal((await index.catalog("system")).get("new.service")?.origin, "workspace", "a created file is listed");
  });

  it("lets a reference search read only the files the index names, and the open documents as they are", async () => {
    const read: string[] = [];
    const service = testService({
      unitFiles: async () => ["/w/a.service", "/w/b.service", "/w/probe.service"],
      filesNaming: async () => ["/w/a.service"],
      readFile: async (path) => {
        read.push(path);
        return "[Unit]\nAfter=db.service\n";
      },
    });
    const { document, position } = atCursor("/w/probe.service", "[Unit]\nAfter=|db.service\n");
    const found = await service.references(document, position);
    assert.deepEqual(
      found.map((location) => location.uri),
      ["file:///w/a.service", "file:///w/probe.service"],
    );
    assert.deepEqual(read, ["/w/a.service"]);
  });

  it("gives the units' ordering from what it read already, the same as reading the files again", async () => {
    const system = tree({
      "web.service": "[Unit]\nAfter=db.service network.target %i.service\nBefore=shutdown.target\n[Service]\nAfter=ignored.service\n",
      "db.service": "[Unit]\nBefore=web.service\nAfter=local-fs.target\n",
      "plain.service": "[Unit]\nDescription=none\n",
    });
    symlinkSync("/dev/null", join(system, "masked.service"));
    const catalog = await new UnitIndex({ searchPaths: () => [system] }).catalog("system");
    assert.deepEqual(catalog.ordering?.("web.service"), {
      after: ["db.service", "network.target"],
      before: ["shutdown.target"],
    });
    const fromFacts = await orderingEdges(catalog, async (path) => assert.fail(`${path} is read again`));
    const reread = await orderingEdges(staticCatalog(catalog.list()), (path) => readFileHead(path, 256 * 1024));
    assert.deepEqual(fromFacts, reread);
    assert.deepEqual(fromFacts.get("web.service"), [
      { after: "db.service", source: "web.service" },
      { after: "network.target", source: "web.service" },
      { after: "db.service", source: "db.service" },
    ]);
  });
});

/** The worker as the server runs it: the bundle `npm run build` makes beside the server's. */
const WORKER = join(__dirname, "../../dist/hostWorker.js");

describe("the Node host's worker thread", () => {
  it("is built", () => assert.ok(existsSync(WORKER), `${WORKER} is missing: run npm run build`));

  it("reads the same text of each file as this thread, and nothing of what is not a regular file", async () => {
    const base = tree({
      "a.service": "[Unit]\nDescription=Grüße\n",
      "big.service": `[Unit]\nDescription=${"x".repeat(5000)}\n`,
      "empty.service": "",
    });
    mkdirSync(join(base, "dir.service"));
    execFileSync("mkfifo", [join(base, "pipe.service")]);
    const paths = ["a.service", "big.service", "empty.service", "dir.service", "pipe.service", "missing.service"].map((name) =>
      join(base, name),
    );
    const here = await Promise.all(paths.map((path) => readFileHead(path, 1000)));
    assert.deepEqual(await new HostWorker(WORKER).texts(paths, 1000), here);
    assert.deepEqual(here.slice(2), ["", undefined, undefined, undefined]);
  });

  it("gives the unit index the same descriptions, ordering and references as reading in this thread", async () => {
    const workspace = tree({
      ...Object.fromEntries(
        Array.from({ length: FILES_FOR_THREAD }, (_, i) => [
          `group-${i % 3}/app-${i}.service`,
          `[Unit]\nDescription=App ${i}\nAfter=app-${i + 1}.service\nBefore=db.service\nWants=getty@tty${i}.service\n`,
        ]),
      ),
      "app-7.service.d/extra.conf": "[Unit]\nRequires=db.service\n",
    });
    const hosts = [createNodeHost(createManPageLibrary(), { workspaceFolders: [workspace], searchPaths: () => [], workerScript: WORKER })];
    hosts.push(createNodeHost(createManPageLibrary(), { workspaceFolders: [workspace], searchPaths: () => [] }));
    const seen = await Promise.all(
      hosts.map(async (host) => {
        const catalog = await host.units("system");
        const names = catalog.list().map((unit) => unit.name);
        return {
          descriptions: names.map((name) => catalog.description(name)),
          ordering: names.map((name) => catalog.ordering?.(name)),
          naming: [...(await host.filesNaming!("system", "db.service"))].sort(),
          template: [...(await host.filesNaming!("system", "getty@.service"))].sort(),
        };
      }),
    );
    assert.deepEqual(seen[0], seen[1]);
    assert.equal(seen[0]!.descriptions.filter((description) => description?.startsWith("App ")).length, FILES_FOR_THREAD);
    assert.equal(seen[0]!.naming.length, FILES_FOR_THREAD + 1, "every unit file and the drop-in name db.service");
  });

  it("ends once it has been idle for a while, and starts again for the next question", async () => {
    const file = join(tree({ "a.service": "[Unit]\nDescription=A\n" }), "a.service");
    const worker = new HostWorker(WORKER, undefined, { idleMs: 50, aheadMs: 50 });
    const ended = async () => {
      const deadline = Date.now() + 30_000;
      while (worker.running && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return !worker.running;
    };
    assert.equal(worker.running, false, "nothing is started before the first question");
    assert.deepEqual(await worker.texts([file], 100), ["[Unit]\nDescription=A\n"]);
    assert.equal(worker.running, true);
    assert.ok(await ended(), "the idle thread ended");
    assert.deepEqual(await worker.texts([file], 8), ["[Unit]\nD"]);
    assert.equal(worker.running, true, "a new thread answered");
    assert.ok(await ended());
    worker.startAhead();
    assert.equal(worker.running, true, "started ahead of a workspace's reading");
    assert.ok(await ended(), "a thread started ahead and never asked ends too");
  });

  it("is replaced by reading in this thread when it cannot start", async () => {
    const others = Array.from({ length: FILES_FOR_THREAD }, (_, i) => [`app-${i}.service`, "[Unit]\nDescription=App\n"]);
    const workspace = tree({ "web.service": "[Unit]\nDescription=Web\nAfter=db.service\n", ...Object.fromEntries(others) });
    const host = createNodeHost(createManPageLibrary(), {
      workspaceFolders: [workspace],
      searchPaths: () => [],
      workerScript: join(root, "no-such-worker.js"),
    });
    const catalog = await host.units("system");
    assert.equal(catalog.description("web.service"), "Web");
    assert.deepEqual(catalog.ordering?.("web.service"), { after: ["db.service"], before: [] });
    assert.equal(catalog.description("app-7.service"), "App");
    assert.ok((await host.directiveManual("Description", { page: "systemd.unit", section: "Unit" }))?.markdown);
  });
});
