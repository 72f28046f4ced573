import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Directive, DirectiveFamily, ValueKind } from "../../src/language/schema/generated/types";
import { inGenerated, inOverlay, overlay, schema } from "./schemaData";

const KINDS = {
  boolean: true,
  tristate: true,
  timespan: true,
  bytes: true,
  percent: true,
  permille: true,
  integer: true,
  enum: true,
  unit: true,
  unitList: true,
  condition: true,
  exec: true,
  path: true,
  pathList: true,
  environment: true,
  environmentFile: true,
  user: true,
  group: true,
  capabilities: true,
  syscallFilter: true,
  syscallArchitectures: true,
  signal: true,
  mode: true,
  cpuSet: true,
  ipPrefixList: true,
  calendar: true,
  specifierString: true,
  string: true,
  stringList: true,
  documentation: true,
  rlimit: true,
  deviceAllow: true,
  ioDeviceWeight: true,
  ioDeviceLimit: true,
  ioDeviceLatency: true,
  exitStatusList: true,
  addressFamilies: true,
  errno: true,
  execDirectory: true,
  socketAddress: true,
  netlinkAddress: true,
  macAddress: true,
  ipAddress: true,
  interfaceName: true,
  port: true,
  hostname: true,
} satisfies Record<ValueKind, true>;

interface Undocumented {
  family: DirectiveFamily;
  section: string;
  name: string;
  reason: string;
}
const allowlist = (
  JSON.parse(readFileSync(join(__dirname, "../../../scripts/generate-schema/undocumented.json"), "utf8")) as {
    directives: Undocumented[];
  }
).directives;

const { directives } = schema;
const find = (family: DirectiveFamily, section: string, name: string): Directive => {
  const found = directives.find((d) => d.family === family && d.section === section && d.name === name);
  assert.ok(found, `${family} [${section}] ${name}= missing`);
  return found;
};
const allUnitSections = new Set(Object.values(schema.fileTypes.unit).flat());

describe("generated directive data", () => {
  it("names the systemd and Podman releases it came from", () => {
    assert.equal(schema.generator, "scripts/generate-schema");
    for (const ref of [schema.generatedFrom.systemd, schema.generatedFrom.podman]) {
      assert.match(ref.tag, /^v\d+(\.\d+)*$/);
      assert.match(ref.commit, /^[0-9a-f]{40}$/);
    }
  });

  it("gives every directive a known section, a kind and a parser, once, in a stable order", () => {
    const seen = new Set<string>();
    let previous = "";
    for (const d of directives) {
      const id = `${d.family} [${d.section}] ${d.name}=`;
      const sections = d.family === "unit" ? allUnitSections : new Set(schema.fileTypes[d.family]);
      assert.ok(sections.has(d.section), `${id}: section not among the ${d.family} file sections`);
      assert.match(d.name, /^[A-Za-z][A-Za-z0-9_-]*$/, id);
      assert.ok(d.kind in KINDS, `${id}: unknown kind ${d.kind}`);
      assert.match(d.parser, /^config_parse_\w+$/, id);
      if (d.kind === "enum") assert.ok(d.values.length > 0, `${id}: enum without values`);
      const order = `${d.family}\0${d.section}\0${d.name}`;
      assert.ok(!seen.has(order), `${id}: listed twice`);
      assert.ok(order > previous, `${id}: out of order`);
      seen.add(order);
      previous = order;
    }
  });

  it("links every current directive to its man page, apart from the allowlisted few", () => {
    const allowed = new Set(allowlist.map((a) => `${a.family} [${a.section}] ${a.name}=`));
    const missing = directives
      .filter((d) => !d.doc && !d.status && !inOverlay(d.family, d.section, d.name))
      .map((d) => `${d.family} [${d.section}] ${d.name}=`);
    assert.deepEqual(
      missing.filter((m) => !allowed.has(m)),
      [],
      "undocumented directives not in undocumented.json",
    );
    assert.deepEqual(
      [...allowed].filter((a) => !missing.includes(a)),
      [],
      "stale undocumented.json entries",
    );
    for (const { name, doc } of directives) {
      if (!doc) continue;
      assert.match(doc.page, /^systemd\.[a-z-]+$/, name);
      // An entry with several terms is anchored at its first one, so the name may differ.
      assert.match(doc.anchor, /^[A-Za-z][A-Za-z0-9_-]*=/, name);
    }
    assert.deepEqual(find("unit", "Service", "StartupCPUWeight").doc, {
      page: "systemd.resource-control",
      anchor: "CPUWeight=weight",
    });
  });

  it("holds as many directives as systemd has", () => {
    const systemdNames = new Set(directives.map((d) => d.name));
    const quadletNames = new Set(schema.quadlet.fileTypes.flatMap((t) => t.keys));
    assert.ok(systemdNames.size > 1100, `only ${systemdNames.size} systemd directive names`);
    assert.ok(new Set([...systemdNames, ...quadletNames]).size > 1250);
    const count = (family: DirectiveFamily) => directives.filter((d) => d.family === family).length;
    assert.ok(count("unit") > 1300 && count("network") > 500 && count("netdev") > 200 && count("link") > 90);
    for (const type of ["service", "socket", "mount", "automount", "swap", "timer", "path", "slice", "scope"]) {
      const own = type[0]!.toUpperCase() + type.slice(1);
      assert.deepEqual(schema.fileTypes.unit[type], ["Unit", own, "Install"]);
    }
    assert.deepEqual(schema.fileTypes.unit.target, ["Unit", "Install"]);
  });

  it("describes the values of well-known directives", () => {
    const execStart = find("unit", "Service", "ExecStart");
    assert.equal(execStart.kind, "exec");
    assert.equal(execStart.list, true);
    assert.deepEqual(execStart.doc, { page: "systemd.service", anchor: "ExecStart=" });

    const type = find("unit", "Service", "Type");
    assert.ok(type.kind === "enum" && ["simple", "exec", "forking", "oneshot", "notify-reload"].every((v) => type.values.includes(v)));

    const output = find("unit", "Service", "StandardOutput");
    assert.ok(output.kind === "enum" && output.values.includes("journal") && !output.values.includes("file"));
    assert.deepEqual(output.kind === "enum" && output.prefixes, ["fd:", "file:", "append:", "truncate:"]);

    const protectSystem = find("unit", "Service", "ProtectSystem");
    assert.ok(protectSystem.kind === "enum" && protectSystem.acceptsBoolean && protectSystem.values.includes("strict"));
    assert.equal(protectSystem.since, 214);

    const sockets = find("unit", "Service", "Sockets");
    assert.ok(sockets.kind === "unitList" && sockets.list);
    assert.deepEqual(sockets.unitTypes, ["socket"]);
    const slice = find("unit", "Socket", "Slice");
    assert.ok(slice.kind === "unit" && !slice.list);
    assert.deepEqual(slice.unitTypes, ["slice"]);
    const nice = find("unit", "Service", "Nice");
    assert.ok(nice.kind === "integer" && nice.min === -20 && nice.max === 19);
    assert.equal(find("unit", "Timer", "OnCalendar").kind, "calendar");
    assert.equal(find("unit", "Timer", "OnBootSec").kind, "timespan");
    assert.equal(find("unit", "Install", "WantedBy").list, true);
    assert.equal(find("unit", "Service", "MemoryLimit").status, "removed");
    assert.equal(find("unit", "Service", "Environment").kind, "environment");
    const restart = find("unit", "Service", "Restart");
    assert.ok(restart.kind === "enum" && restart.values.includes("on-failure"));
    assert.equal(find("network", "Network", "DHCP").family, "network");
    assert.equal(find("netdev", "NetDev", "Kind").family, "netdev");
    assert.equal(find("link", "Link", "MACAddressPolicy").family, "link");
  });

  it("lists the unit file specifiers, with those [Install] resolves", () => {
    const letters = schema.specifiers.map((s) => s.letter);
    for (const letter of "aAbBCdDEfgGhHiIjJlLmMnNopPqsStTuUvVwWyY%") assert.ok(letters.includes(letter), `%${letter}`);
    const install = schema.specifiers.filter((s) => s.install).map((s) => s.letter);
    for (const letter of "inNpjmHuU%") assert.ok(install.includes(letter), `%${letter} in [Install]`);
    assert.ok(!install.includes("t"));
  });

  it("lists the Quadlet file types and their keys", () => {
    const byExtension = new Map(schema.quadlet.fileTypes.map((t) => [t.extension, t]));
    for (const ext of ["container", "volume", "network", "kube", "pod", "image", "build"]) {
      const type = byExtension.get(ext);
      assert.ok(type && type.keys.length > 0, `.${ext}`);
      assert.equal(type.section, ext[0]!.toUpperCase() + ext.slice(1));
      assert.ok(["Unit", "Service", "Install"].every((s) => type.otherSections.includes(s)));
    }
    assert.ok(byExtension.get("container")!.keys.includes("Image"));
    assert.ok(schema.quadlet.quadletSectionKeys.includes("DefaultDependencies"));
  });
});

describe("overlay", () => {
  it("only speaks of directives the generated data has, and points to ones it has", () => {
    for (const change of overlay.changes) {
      for (const section of change.sections) {
        assert.ok(inGenerated(change.family, section, change.name), `[${section}] ${change.name}= not generated`);
        if (change.replacement) {
          const target = change.replacement.section ?? section;
          assert.ok(inGenerated(change.family, target, change.replacement.name), `replacement ${change.replacement.name}=`);
        }
      }
      assert.ok(change.note.length > 0);
    }
  });
});
