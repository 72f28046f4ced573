// valueNames.json, the name tables the generator reads from systemd's sources and the C headers,
// against what the installed systemd and this machine's C library know.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { constants } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { ValueNames } from "../../src/language/schema/generated/types";
import { hasSystemdAnalyze } from "../values/systemdAnalyze";
import { schema, schemaDir } from "./schemaData";

const names = JSON.parse(readFileSync(join(schemaDir, "generated/valueNames.json"), "utf8")) as ValueNames;

/** The NAME and NUMBER columns of a `systemd-analyze` table, header row left out. */
function analyzeTable(verb: string): [string, number][] {
  const out = execFileSync("systemd-analyze", [verb], {
    encoding: "utf8",
    env: { ...process.env, SYSTEMD_PAGER: "cat", SYSTEMD_COLORS: "0" },
  });
  return out
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length >= 2)
    .map(([name, number]) => [name!, Number(number)]);
}

describe("generated value names", () => {
  it("name the systemd release of directives.json and the C headers they were read from", () => {
    assert.equal(names.generator, "scripts/generate-schema");
    assert.deepEqual(names.generatedFrom.systemd, schema.generatedFrom.systemd);
    assert.match(names.generatedFrom.headers.glibc, /^\d+\.\d+$/);
    assert.match(names.generatedFrom.headers.linux, /^\d+\.\d+$/);
  });

  it("hold every errno name Node knows on Linux, with the same number", () => {
    const missing = Object.entries(constants.errno).filter(([name, number]) => names.errnoNumbers[name] !== number);
    assert.deepEqual(missing, []);
  });

  it("hold the address families systemd's parser is built with", () => {
    for (const family of ["AF_UNIX", "AF_LOCAL", "AF_INET", "AF_INET6", "AF_NETLINK", "AF_PACKET", "AF_VSOCK"]) {
      assert.ok(names.addressFamilies.includes(family), family);
    }
    assert.ok(!names.addressFamilies.includes("AF_UNSPEC") && !names.addressFamilies.includes("AF_MAX"));
    assert.deepEqual(names.netlinkFamilies.slice(0, 2), ["route", "firewall"]);
  });

  it(
    "hold every capability and exit status the installed systemd knows",
    { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" },
    () => {
      const capabilities = analyzeTable("capability");
      assert.ok(capabilities.length >= 38);
      for (const [name, number] of capabilities) assert.equal(names.capabilities[number], name.toUpperCase(), name);
      const statuses = analyzeTable("exit-status");
      assert.ok(statuses.length >= 60);
      for (const [name] of statuses) assert.ok(names.exitStatusNames.includes(name), name);
    },
  );

  it("leave no parser function name for the value rules to match at run time", () => {
    const source = readFileSync(join(__dirname, "../../src/language/rules/valueRules.ts"), "utf8");
    assert.doesNotMatch(source, /config_parse_/);
  });
});
