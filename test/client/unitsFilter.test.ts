import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ListedUnit } from "../../client/src/operations/serverCommands";
import { countDescription, filterUnits, listFailureLabel, unitDescription } from "../../client/src/operations/unitsFilter";

const listed = (unit: string, description: string, extra: Partial<ListedUnit> = {}): ListedUnit => ({
  unit,
  template: false,
  description,
  loadState: "loaded",
  activeState: "active",
  subState: "running",
  unitFileState: "enabled",
  ...extra,
});

const units = [
  listed("ssh.service", "OpenBSD Secure Shell server"),
  listed("backup.timer", "Nightly backup"),
  listed("cron.service", "Regular background program processing daemon"),
];

describe("the units view's filter", () => {
  it("keeps units whose name or description holds every word, ignoring case", () => {
    assert.deepEqual(
      filterUnits(units, "BACKUP").map((u) => u.unit),
      ["backup.timer"],
    );
    assert.deepEqual(
      filterUnits(units, "service shell").map((u) => u.unit),
      ["ssh.service"],
    );
    assert.equal(filterUnits(units, "  ").length, 3);
    assert.equal(filterUnits(units, "nginx").length, 0);
  });

  it("counts what it shows", () => {
    assert.equal(countDescription(1, 3, true), "1 of 3");
    assert.equal(countDescription(3, 3, false), "3 units");
  });

  it("describes a unit's states in one line", () => {
    assert.equal(unitDescription(units[0]!), "active (running) · enabled");
    assert.equal(
      unitDescription(listed("getty@.service", "", { template: true, unitFileState: "enabled", activeState: "", subState: "" })),
      "template · enabled",
    );
  });

  it("labels a failed listing by its reason", () => {
    assert.equal(listFailureLabel("no-systemd"), "No systemd manager to talk to");
    assert.equal(listFailureLabel("untrusted-workspace"), "Not available: the workspace is not trusted");
  });
});
