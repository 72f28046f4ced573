// systemd's configuration and definition files installed on this machine, and the fixtures
// beside this test (one of each kind, and two build templates): each parses and prints back byte
// for byte, and lints with nothing but documented deprecations.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { computeDiagnostics } from "../../src/language/diagnostics";
import { parseUnitFile } from "../../src/language/parser";
import { unitKind } from "../../src/language/unitKind";

const ROOTS = [
  "/etc/systemd",
  "/usr/lib/systemd",
  "/lib/systemd",
  "/run/systemd",
  "/etc/repart.d",
  "/usr/lib/repart.d",
  "/usr/lib/sysupdate.d",
];
const UNIT_DIRECTORIES = new Set(["system", "user", "network", "system-generators", "user-generators", "system-preset", "user-preset"]);

function configFiles(root: string, depth = 0): string[] {
  if (!existsSync(root) || depth > 3) return [];
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    if (stat.isDirectory()) return depth === 0 && UNIT_DIRECTORIES.has(name) ? [] : configFiles(path, depth + 1);
    return stat.isFile() && unitKind(path).file?.family === "config" ? [path] : [];
  });
}

function lintsClean(path: string): void {
  const text = readFileSync(path, "utf8");
  const kind = unitKind(path);
  const file = parseUnitFile(text, { template: kind.templateSource !== undefined });
  assert.equal(file.nodes.map((n) => text.slice(n.start, n.end)).join(""), text, path);
  const tolerated = new Set(["deprecated-directive", "removed-directive"]);
  assert.deepEqual(
    computeDiagnostics(file, kind)
      .filter((d) => !tolerated.has(String(d.code)))
      .map((d) => `${d.range.start.line + 1}: ${d.message}`),
    [],
    path,
  );
}

describe("systemd's configuration files", () => {
  it("installed on this machine lint clean", () => {
    const files = ROOTS.flatMap((root) => configFiles(root));
    assert.ok(files.length >= 5, `found only ${files.join(", ")}`);
    for (const path of files) lintsClean(path);
    console.log(`checked ${files.length} installed configuration files: ${files.join(" ")}`);
  });

  it("of every kind, and templates, lint clean as the fixtures have them", () => {
    const fixtures = join(__dirname, "fixtures");
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    const files = walk(fixtures);
    const kinds = new Set(files.map((path) => unitKind(path).file?.type));
    for (const kind of ["journald", "logind", "system", "nspawn", "dnssd", "repart", "sysupdate-transfer", "service"]) {
      assert.ok(kinds.has(kind as never), `no fixture of ${kind}`);
    }
    for (const path of files) lintsClean(path);
  });
});
