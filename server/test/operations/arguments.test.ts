import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { resolveUnit } from "../../src/operations/arguments";
import { parseJournalOptions } from "../../src/protocol/operationArguments";
import { parseInstallArgument } from "../../src/operations/install";

const failureOf = (parsed: { ok: boolean; failure?: { message: string; reason: string } }) => {
  assert.equal(parsed.ok, false);
  assert.equal(parsed.failure?.reason, "invalid-argument");
  return parsed.failure!.message;
};

describe("the unit argument", () => {
  test("a unit by name, with an explicit scope", () => {
    assert.deepEqual(resolveUnit({ unit: "nginx.service", scope: "system" }, "instance-required"), {
      ok: true,
      value: { unit: "nginx.service", scope: "system", template: false },
    });
  });

  test("a file in a unit directory gives name and scope; a drop-in stands for its unit", () => {
    assert.deepEqual(resolveUnit({ uri: "file:///home/a/.config/systemd/user/sync.timer" }, "instance-required"), {
      ok: true,
      value: { unit: "sync.timer", scope: "user", template: false, path: "/home/a/.config/systemd/user/sync.timer" },
    });
    const dropIn = resolveUnit({ uri: "file:///etc/systemd/system/nginx.service.d/override.conf" }, "instance-required");
    assert.deepEqual(dropIn.ok && [dropIn.value.unit, dropIn.value.scope], ["nginx.service", "system"]);
  });

  test("a file outside the unit directories needs a scope", () => {
    assert.match(
      failureOf(resolveUnit({ uri: "file:///work/app/app.service" }, "instance-required")),
      /"scope" must be "system" or "user"/,
    );
    const given = resolveUnit({ uri: "file:///work/app/app.service", scope: "user" }, "instance-required");
    assert.deepEqual(given.ok && given.value.scope, "user");
  });

  test("a template needs an instance where something runs, and gets it checked", () => {
    assert.match(
      failureOf(resolveUnit({ unit: "getty@.service", scope: "system" }, "instance-required")),
      /is a template: give an instance name/,
    );
    const allowed = resolveUnit({ unit: "getty@.service", scope: "system" }, "template-allowed");
    assert.deepEqual(allowed.ok && allowed.value, { unit: "getty@.service", scope: "system", template: true });
    const instance = resolveUnit({ unit: "getty@.service", scope: "system", instance: "tty2" }, "instance-required");
    assert.deepEqual(instance.ok && instance.value.unit, "getty@tty2.service");
    assert.match(
      failureOf(resolveUnit({ unit: "getty@.service", scope: "system", instance: "tty2; reboot" }, "instance-required")),
      /not a valid instance name/,
    );
    assert.match(failureOf(resolveUnit({ unit: "a.service", scope: "system", instance: "x" }, "instance-required")), /not a template/);
  });

  test("malformed arguments are refused with a clear message", () => {
    assert.match(failureOf(resolveUnit(undefined, "instance-required")), /one object argument/);
    assert.match(failureOf(resolveUnit(["a.service"], "instance-required")), /one object argument/);
    assert.match(failureOf(resolveUnit({ scope: "system" }, "instance-required")), /give "unit"/);
    assert.match(failureOf(resolveUnit({ unit: 5, scope: "system" }, "instance-required")), /"unit" must be a string/);
    assert.match(failureOf(resolveUnit({ unit: "a.service", scope: "root" }, "instance-required")), /"scope" must be/);
    assert.match(failureOf(resolveUnit({ unit: "app; rm -rf /", scope: "system" }, "instance-required")), /not a valid unit name/);
    assert.match(failureOf(resolveUnit({ uri: "file:///etc/hosts", scope: "system" }, "instance-required")), /not a systemd unit file/);
    assert.match(failureOf(resolveUnit({ uri: "file:///etc/systemd/system/service.d/x.conf" }, "instance-required")), /every service unit/);
  });
});

describe("journal options", () => {
  test("defaults and accepted values", () => {
    assert.deepEqual(parseJournalOptions({}), { ok: true, value: { lines: 200 } });
    assert.deepEqual(parseJournalOptions({ lines: 50, priority: "err", since: " 5 min ago ", output: "short-iso" }), {
      ok: true,
      value: { lines: 50, priority: "err", since: "5 min ago", output: "short-iso" },
    });
    assert.equal(parseJournalOptions({ priority: "warning..err" }).ok, true);
    assert.equal(parseJournalOptions({ priority: "3" }).ok, true);
  });

  test("refused values", () => {
    for (const args of [
      { lines: 0 },
      { lines: 1.5 },
      { lines: "10" },
      { priority: "loud" },
      { since: "" },
      { since: "x\ny" },
      { output: "html" },
    ]) {
      assert.equal(parseJournalOptions(args).ok, false, JSON.stringify(args));
    }
  });
});

describe("install argument", () => {
  test("the file, the scope from its place or the argument, and the options", () => {
    const parsed = parseInstallArgument({ uri: "file:///work/app/app.service", scope: "user", enable: true });
    assert.deepEqual(parsed, {
      ok: true,
      value: {
        mode: "copy",
        enable: true,
        start: false,
        overwrite: false,
        source: "/work/app/app.service",
        unit: "app.service",
        scope: "user",
        runUnit: "app.service",
      },
    });
  });

  test("a template installs as is, and needs an instance to enable or start", () => {
    const plain = parseInstallArgument({ uri: "file:///work/w@.service", scope: "system" });
    assert.deepEqual(plain.ok && [plain.value.unit, plain.value.runUnit], ["w@.service", undefined]);
    assert.match(
      failureOf(parseInstallArgument({ uri: "file:///work/w@.service", scope: "system", start: true })),
      /give an instance name/,
    );
    const instance = parseInstallArgument({ uri: "file:///work/w@.service", scope: "system", start: true, instance: "1" });
    assert.deepEqual(instance.ok && instance.value.runUnit, "w@1.service");
  });

  test("drop-ins, non-unit files, bad options and names are refused", () => {
    assert.match(
      failureOf(parseInstallArgument({ uri: "file:///etc/systemd/system/a.service.d/x.conf" })),
      /not a unit file that can be installed/,
    );
    assert.match(failureOf(parseInstallArgument({ uri: "file:///work/a.txt", scope: "user" })), /not a unit file/);
    assert.match(failureOf(parseInstallArgument({ uri: "file:///work/a.service", scope: "user", mode: "move" })), /"mode"/);
    assert.match(
      failureOf(parseInstallArgument({ uri: "file:///work/a.service", scope: "user", overwrite: "yes" })),
      /"overwrite" must be true or false/,
    );
    assert.match(failureOf(parseInstallArgument({ uri: "file:///work/a%20b.service", scope: "user" })), /not a valid unit name/);
    assert.match(failureOf(parseInstallArgument({ uri: "file:///work/a.service" })), /"scope"/);
  });
});
