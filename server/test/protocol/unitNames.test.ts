import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkInstance, checkUnitName, instantiate, isTemplateName, templateOf } from "../../src/protocol/unitNames";

describe("unit name guard", () => {
  const valid = [
    "app.service",
    "app.timer",
    "-.mount",
    "foo@.service",
    "foo@bar.service",
    "getty@tty1.service",
    "dev-disk-by\\x2duuid-1234.device",
    "systemd-fsck@dev-disk-by\\x2dlabel-root.service",
    "a:b_c.d-e.socket",
    "x".repeat(247) + ".service",
  ];
  for (const name of valid) {
    test(`accepts ${JSON.stringify(name.length > 40 ? name.slice(0, 20) + "…" : name)}`, () =>
      assert.deepEqual(checkUnitName(name), { ok: true, name }));
  }

  const invalid: [unknown, RegExp][] = [
    ["app; rm -rf /", /not a valid unit name/],
    ["app.service; rm -rf /", /not a valid unit name/],
    ["$(reboot).service", /not a valid unit name/],
    ["`id`.service", /not a valid unit name/],
    ["a|b.service", /not a valid unit name/],
    ["a&b.service", /not a valid unit name/],
    ["a>b.service", /not a valid unit name/],
    ["app\n.service", /not a valid unit name/],
    ["app.service\n", /unit type/],
    ['"app".service', /not a valid unit name/],
    ["'app'.service", /not a valid unit name/],
    ["my app.service", /not a valid unit name/],
    ["../etc/passwd.service", /not a valid unit name/],
    ["..", /unit type/],
    ["a..b.service", /may not contain "\.\."/],
    ["", /it is empty/],
    [undefined, /it is empty/],
    [42, /it is empty/],
    ["app", /unit type/],
    ["app.exe", /unit type/],
    ["app.network", /unit type/],
    ["-H.service", /may not start with "-"/],
    ["--help.service", /may not start with "-"/],
    [".hidden.service", /may not start with "-" or "."/],
    ["@.service", /letters, digits/],
    ["a@b@c.service", /more than one "@"/],
    ["a\\.service", /\\xNN escapes/],
    ["a\\x2.service", /\\xNN escapes/],
    ["a/b.service", /not a valid unit name/],
    ["x".repeat(250) + ".service", /longer than 255/],
  ];
  for (const [name, message] of invalid) {
    test(`refuses ${JSON.stringify(name)}`, () => {
      const checked = checkUnitName(name);
      assert.equal(checked.ok, false);
      assert.match(!checked.ok ? checked.message : "", message);
    });
  }

  test("the message shows the name quoted, newlines escaped", () => {
    const checked = checkUnitName("app\n; rm -rf /");
    assert.match(!checked.ok ? checked.message : "", /^"app\\n; rm -rf \/" is not a valid unit name/);
  });

  test("instances: the same characters, no @, no leading dash", () => {
    assert.equal(checkInstance("tty1").ok, true);
    assert.equal(checkInstance("dev-sda\\x2d1").ok, true);
    for (const bad of ["", "a b", "a;b", "-x", "a@b", "a/b", "..", "a\nb"]) assert.equal(checkInstance(bad).ok, false, JSON.stringify(bad));
  });

  test("instantiate, templateOf, isTemplateName", () => {
    assert.deepEqual(instantiate("getty@.service", "tty1"), { ok: true, name: "getty@tty1.service" });
    assert.match((instantiate("getty@.service", "x; reboot") as { message: string }).message, /not a valid instance name/);
    assert.equal(instantiate("a@.service", "x".repeat(250)).ok, false);
    assert.equal(templateOf("getty@tty1.service"), "getty@.service");
    assert.equal(templateOf("a@b.c.timer"), "a@.timer");
    assert.equal(templateOf("plain.service"), "plain.service");
    assert.deepEqual(["a@.service", "a@b.service", "a.service"].map(isTemplateName), [true, false, false]);
  });
});
