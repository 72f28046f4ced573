import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lines } from "../semantic/semanticLint";
import { applyFix, codesIn, fixesFor } from "./applyFix";

const SERVICE_TAIL = ["[Install]", "WantedBy=multi-user.target"];

describe("quick fixes for directive names and places", () => {
  it("rename a misspelled directive to the suggestion, preferred when only the case differs", async () => {
    const typo = await applyFix("a.service", lines("[Service]", "ExecStrat=/bin/true"), "unknown-directive");
    assert.equal(typo.text, lines("[Service]", "ExecStart=/bin/true"));
    assert.equal(typo.action.title, "Change to ExecStart=");
    assert.equal(typo.action.isPreferred, undefined);
    const cased = await applyFix("a.service", lines("[Service]", "execstart=/bin/true"), "unknown-directive");
    assert.equal(cased.text, lines("[Service]", "ExecStart=/bin/true"));
    assert.equal(cased.action.isPreferred, true);
    assert.deepEqual(await codesIn("a.service", cased.text), []);
  });

  it("rename and move when the suggestion lives in another section", async () => {
    const { text, action } = await applyFix(
      "a.service",
      lines("[Unit]", "Description=A", "[Service]", "ExecStart=/bin/a", "Wnats=b.service"),
      "unknown-directive",
    );
    assert.equal(action.title, "Change to Wants= in [Unit]");
    assert.equal(text, lines("[Unit]", "Description=A", "Wants=b.service", "[Service]", "ExecStart=/bin/a"));
  });

  it("offer nothing when there is no suggestion", async () => {
    assert.deepEqual(await fixesFor("a.service", lines("[Service]", "ExecStart=/bin/a", "Frobnicate=1"), "unknown-directive"), []);
  });

  it("move a misplaced directive into its section, creating the section in the usual order", async () => {
    const moved = await applyFix(
      "a.service",
      lines("[Unit]", "Description=A", "", "[Service]", "After=b.service", "ExecStart=/bin/a"),
      "misplaced-directive",
    );
    assert.equal(moved.action.title, "Move After= to [Unit]");
    assert.equal(moved.action.isPreferred, true);
    assert.equal(moved.text, lines("[Unit]", "Description=A", "After=b.service", "", "[Service]", "ExecStart=/bin/a"));
    const created = await applyFix(
      "a.service",
      lines("[Service]", "ExecStart=/bin/a", "Description=A", "", ...SERVICE_TAIL),
      "misplaced-directive",
    );
    assert.equal(created.text, lines("[Unit]", "Description=A", "", "[Service]", "ExecStart=/bin/a", "", ...SERVICE_TAIL));
    const last = await applyFix("a.service", lines("[Service]", "ExecStart=/bin/a", "WantedBy=multi-user.target"), "misplaced-directive");
    assert.equal(last.text, lines("[Service]", "ExecStart=/bin/a", "", "[Install]", "WantedBy=multi-user.target"));
    assert.deepEqual(await codesIn("a.service", last.text), []);
  });

  it("move a continued entry whole", async () => {
    const { text } = await applyFix(
      "a.service",
      lines("[Service]", "ExecStart=/bin/a", "Documentation=man:a(8) \\", "  man:b(8)"),
      "misplaced-directive",
    );
    assert.equal(text, lines("[Unit]", "Documentation=man:a(8) \\", "  man:b(8)", "", "[Service]", "ExecStart=/bin/a"));
  });
});

describe("quick fixes for deprecated directives", () => {
  const service = (...rows: string[]) => lines("[Service]", "ExecStart=/bin/a", ...rows);

  it("rename to the successor with the same value", async () => {
    const { text, action } = await applyFix("a.service", service("MemoryLimit=1G"), "removed-directive");
    assert.equal(text, service("MemoryMax=1G"));
    assert.equal(action.isPreferred, true);
    assert.equal(
      (await applyFix("a.service", service("BlockIOReadBandwidth=/dev/sda 5M"), "removed-directive")).text,
      service("IOReadBandwidthMax=/dev/sda 5M"),
    );
    assert.equal(
      (await applyFix("a.service", lines("[Unit]", "BindTo=b.service", "[Service]", "ExecStart=/bin/a"), "deprecated-directive")).text,
      lines("[Unit]", "BindsTo=b.service", "[Service]", "ExecStart=/bin/a"),
    );
  });

  it("convert cgroup v1 weights with systemd's formula", async () => {
    assert.equal((await applyFix("a.service", service("CPUShares=1024"), "removed-directive")).text, service("CPUWeight=100"));
    assert.equal((await applyFix("a.service", service("CPUShares=512"), "removed-directive")).text, service("CPUWeight=50"));
    assert.equal((await applyFix("a.service", service("CPUShares=2"), "removed-directive")).text, service("CPUWeight=1"));
    assert.equal((await applyFix("a.service", service("CPUShares=262144"), "removed-directive")).text, service("CPUWeight=10000"));
    assert.equal(
      (await applyFix("a.service", service("StartupCPUShares=2048"), "removed-directive")).text,
      service("StartupCPUWeight=200"),
    );
    assert.equal((await applyFix("a.service", service("BlockIOWeight=1000"), "removed-directive")).text, service("IOWeight=200"));
    assert.equal(
      (await applyFix("a.service", service("BlockIODeviceWeight=/dev/sda 250"), "removed-directive")).text,
      service("IODeviceWeight=/dev/sda 50"),
    );
  });

  it("move start rate limiting from [Service] to [Unit] under its new name", async () => {
    const { text, action } = await applyFix(
      "a.service",
      lines("[Unit]", "Description=A", "[Service]", "ExecStart=/bin/a", "StartLimitInterval=30"),
      "deprecated-directive",
    );
    assert.equal(action.title, "Replace with StartLimitIntervalSec=30 in [Unit]");
    assert.equal(text, lines("[Unit]", "Description=A", "StartLimitIntervalSec=30", "[Service]", "ExecStart=/bin/a"));
    assert.deepEqual(await codesIn("a.service", text), []);
  });

  it("remove the old directive when its successor is already set, and offer nothing it cannot do right", async () => {
    const { text, action } = await applyFix("a.service", service("CPUWeight=50", "CPUShares=512"), "removed-directive");
    assert.equal(action.title, "Remove CPUShares= (CPUWeight= is already set)");
    assert.equal(text, service("CPUWeight=50"));
    assert.deepEqual(await fixesFor("a.service", service("CPUShares=%i"), "removed-directive"), []);
    assert.deepEqual(await fixesFor("a.service", service("PermissionsStartOnly=yes"), "deprecated-directive"), []);
  });
});
