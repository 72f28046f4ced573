import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { unitsmith } from "./run";

describe("unitsmith graph", () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-graph-"));
    write(
      "units/web.service",
      "[Unit]\nWants=db.service\nAfter=db.service network-online.target\nConflicts=maintenance.target\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n",
    );
    write("units/web.service.d/10-cache.conf", "[Unit]\nRequires=cache.service\n");
    write("units/db.service", "[Unit]\nRequires=disk.mount\n[Service]\nExecStart=/bin/true\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** "from -> to (kind)" for each edge line of the DOT text. */
  const edges = (dot: string) =>
    [...dot.matchAll(/^ {2}"([^"]+)" -> "([^"]+)" \[([^\]]*)\]/gm)].map(([, from, to, attributes]) => {
      const kind = attributes!.includes("dashed") ? "ordering" : attributes!.includes("dotted") ? "conflict" : "requirement";
      return `${from} -> ${to} (${kind})`;
    });

  it("prints the unit's neighbourhood as DOT, its drop-ins included, requirement, ordering and conflict edges apart", async () => {
    const result = await unitsmith(["graph", "units/web.service"], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(edges(result.stdout).sort(), [
      "multi-user.target -> web.service (requirement)",
      "web.service -> cache.service (requirement)",
      "web.service -> db.service (ordering)",
      "web.service -> db.service (requirement)",
      "web.service -> maintenance.target (conflict)",
      "web.service -> network-online.target (ordering)",
    ]);
    assert.match(result.stdout, new RegExp(`"db\\.service" \\[label="db\\.service", URL="file://${dir}/units/db\\.service"`));
    assert.match(result.stdout, /"cache\.service" \[label="cache\.service", fontcolor="#6e7781", tooltip="no unit file found"\]/);
  });

  it("follows more steps with --depth", async () => {
    const result = await unitsmith(["graph", "--depth", "2", "units/web.service"], dir);
    assert.ok(edges(result.stdout).includes("db.service -> disk.mount (requirement)"), result.stdout);
    assert.ok(!edges((await unitsmith(["graph", "units/web.service"], dir)).stdout).includes("db.service -> disk.mount (requirement)"));
  });

  it("lays the graph out as SVG, one node per unit", async () => {
    const result = await unitsmith(["graph", "--format", "svg", "units/web.service"], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /<svg[^>]*>/);
    const titles = [...result.stdout.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]+)<\/title>/g)].map((m) =>
      m[1]!.replace(/&#45;/g, "-"),
    );
    assert.deepEqual(titles.sort(), [
      "cache.service",
      "db.service",
      "maintenance.target",
      "multi-user.target",
      "network-online.target",
      "web.service",
    ]);
  });

  it("refuses a bad depth, format or file with a message", async () => {
    assert.match((await unitsmith(["graph", "--depth", "9", "units/web.service"], dir)).stderr, /--depth takes a number from 1 to 5/);
    assert.match((await unitsmith(["graph", "--format", "png", "units/web.service"], dir)).stderr, /unknown format "png"/);
    const missing = await unitsmith(["graph", "units/none.service"], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/i);
  });
});
