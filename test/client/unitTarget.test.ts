import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileTarget, isUnitRef } from "../../client/src/operations/unitTarget";

describe("the unit of an editor's file", () => {
  it("names the unit and its scope inside the unit directories", () => {
    assert.deepEqual(fileTarget("/etc/systemd/system/backup.service"), {
      kind: "unit",
      unit: "backup.service",
      scope: "system",
      template: false,
      dropIn: false,
      path: "/etc/systemd/system/backup.service",
    });
    const user = fileTarget("/home/ann/.config/systemd/user/notes-sync.timer");
    assert.equal(user.kind === "unit" && user.scope, "user");
  });

  it("has no scope outside the unit directories (the file is not installed)", () => {
    const target = fileTarget("/home/ann/src/app/deploy/app.service");
    assert.equal(target.kind, "unit");
    assert.equal(target.kind === "unit" && target.scope, undefined);
  });

  it("stands a drop-in of one unit for that unit, and knows templates", () => {
    const dropIn = fileTarget("/etc/systemd/system/nginx.service.d/override.conf");
    assert.deepEqual(dropIn.kind === "unit" && [dropIn.unit, dropIn.dropIn, dropIn.scope], ["nginx.service", true, "system"]);
    const template = fileTarget("/etc/systemd/system/getty@.service");
    assert.equal(template.kind === "unit" && template.template, true);
  });

  it("refuses what is not one unit, saying why", () => {
    const cases: [string, RegExp][] = [
      ["/etc/systemd/system/service.d/10-all.conf", /every service unit/],
      ["/etc/systemd/network/20-wired.network", /systemd-networkd/],
      ["/etc/containers/systemd/web.container", /Quadlet/],
      ["/home/ann/notes.txt", /not a systemd unit file/],
      ["/etc/systemd/system/.#backup.service3f2a9c0d1e2b4a5f", /systemctl edit/],
    ];
    for (const [path, message] of cases) {
      const target = fileTarget(path);
      assert.equal(target.kind, "none", path);
      assert.match(target.kind === "none" ? target.message : "", message, path);
    }
  });

  it("recognises unit references passed by the units view and CodeLens", () => {
    assert.equal(isUnitRef({ unit: "a.service", scope: "user", template: false }), true);
    assert.equal(isUnitRef({ unit: "a.service", scope: "elsewhere", template: false }), false);
    assert.equal(isUnitRef(undefined), false);
  });
});
