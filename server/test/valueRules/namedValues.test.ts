import assert from "node:assert/strict";
import { describe, it } from "node:test";
// Awaited, so the same lines serve the synchronous and the service-backed forms of these helpers.
import { applyFix, codesIn, fixesFor } from "../codeActions/applyFix";
import { lint } from "../rules/lint";

const service = (...lines: string[]) => `[Service]\nExecStart=/usr/bin/app\n${lines.join("\n")}\n`;
const socket = (...lines: string[]) => `[Socket]\n${lines.join("\n")}\n`;

describe("exec directories", () => {
  it("take names under their base, and the quick fix strips the base the author wrote", async () => {
    const cases: [string, string][] = [
      ["StateDirectory=/var/lib/app", "StateDirectory=app"],
      ["RuntimeDirectory=/run/app/sub", "RuntimeDirectory=app/sub"],
      ["CacheDirectory=/var/cache/app", "CacheDirectory=app"],
      ["LogsDirectory=%L/app", "LogsDirectory=app"],
      ["ConfigurationDirectory=/etc/app", "ConfigurationDirectory=app"],
      ["StateDirectory=one /var/lib/two", "StateDirectory=one two"],
    ];
    for (const [before, after] of cases) {
      const fixed = await applyFix("app.service", service(before), "invalid-value");
      assert.equal(fixed.text, service(after), before);
      assert.deepEqual(await codesIn("app.service", fixed.text), [], after);
    }
  });

  it("offer no fix for an absolute path outside the base, and refuse .. and a second name where none is taken", async () => {
    assert.deepEqual(await fixesFor("app.service", service("StateDirectory=/srv/app"), "invalid-value"), []);
    for (const line of ["StateDirectory=a/../b", "StateDirectory=.", "ConfigurationDirectory=app:link", "StateDirectory=private/app"]) {
      assert.deepEqual(await codesIn("app.service", service(line)), ["invalid-value"], line);
    }
    assert.deepEqual(await codesIn("app.service", service("StateDirectory=app:link:ro app2 app3:link3")), []);
  });
});

describe("RestrictAddressFamilies=", () => {
  it("fixes a missing AF_ prefix and comma separators", async () => {
    assert.equal(
      (await applyFix("app.service", service("RestrictAddressFamilies=INET"), "invalid-value")).text,
      service("RestrictAddressFamilies=AF_INET"),
    );
    assert.equal(
      (await applyFix("app.service", service("RestrictAddressFamilies=~AF_UNIX,inet6"), "invalid-value")).text,
      service("RestrictAddressFamilies=~AF_UNIX AF_INET6"),
    );
  });

  it("says the whole setting is dropped", async () => {
    const [row] = lint("app.service", service("RestrictAddressFamilies=AF_UNIX AF_INTE"));
    assert.match(row!, /^3:invalid-value .*drops the whole setting.*Did you mean "AF_INET"\?/);
  });
});

describe("exit statuses", () => {
  it("are space-separated numbers, names and signals; the fixes undo commas, EXIT_ and lower case", async () => {
    const cases: [string, string][] = [
      ["SuccessExitStatus=1,2", "SuccessExitStatus=1 2"],
      ["RestartPreventExitStatus=EXIT_TEMPFAIL", "RestartPreventExitStatus=TEMPFAIL"],
      ["RestartForceExitStatus=sigterm", "RestartForceExitStatus=SIGTERM"],
    ];
    for (const [before, after] of cases)
      assert.equal((await applyFix("app.service", service(before), "invalid-value")).text, service(after));
    assert.deepEqual(await codesIn("app.service", service("SuccessExitStatus=300")), ["invalid-value"]);
  });
});

describe("socket addresses", () => {
  it("offer 127.0.0.1 and [::1] for localhost, and a path under %t for a relative one", async () => {
    const titles = (await fixesFor("app.socket", socket("ListenStream=localhost:8080"), "invalid-value")).map((a) => a.title);
    assert.deepEqual(titles, ['Change to "127.0.0.1:8080"', 'Change to "[::1]:8080"']);
    assert.equal((await applyFix("app.socket", socket("ListenStream=app.sock"), "invalid-value")).text, socket("ListenStream=%t/app.sock"));
    assert.equal(
      (await applyFix("app.socket", socket("ListenStream=run/app.sock"), "invalid-value")).text,
      socket("ListenStream=/run/app.sock"),
    );
    assert.equal((await applyFix("app.socket", socket("ListenStream=*:80"), "invalid-value")).text, socket("ListenStream=80"));
  });

  it("report an unknown specifier once, not again as a bad address", async () => {
    assert.deepEqual(await codesIn("app.socket", socket("ListenStream=%q%z/app.sock")), ["invalid-value"]);
  });
});

describe("error numbers", () => {
  it("suggest the closest errno name", async () => {
    assert.equal(
      (await applyFix("app.service", service("SystemCallErrorNumber=EACCESS"), "invalid-value")).text,
      service("SystemCallErrorNumber=EACCES"),
    );
    const fixed = await applyFix("app.service", service("SystemCallFilter=~@mount:EPREM"), "questionable-value");
    assert.equal(fixed.text, service("SystemCallFilter=~@mount:EPERM"));
  });
});

describe("unit names built from specifiers", () => {
  it("are checked for what expansion cannot supply: the type suffix", async () => {
    const text = "[Unit]\nWants=foo@%i\nAfter=foo@%i.servcie\nRequires=%n foo@%i.service %p-helper.socket\n";
    assert.deepEqual(await codesIn("app@x.target", text), ["invalid-value", "invalid-value"]);
    // The instance may itself be a unit name: restart@foo.service.service.
    assert.deepEqual(await codesIn("restart@foo.service.target", "[Unit]\nWants=%i\n"), []);
  });
});

describe("what systemd takes silently", () => {
  it("warns of unknown capabilities under their own rule, with the consequence and a fix", async () => {
    const [row] = lint("app.service", service("CapabilityBoundingSet=CAP_NET_BIND_SERVIC"));
    assert.match(row!, /^3:unknown-capability .*left out of the set/);
    assert.equal(
      (await applyFix("app.service", service("AmbientCapabilities=CAP_NET_BIND_SERVIC"), "unknown-capability")).text,
      service("AmbientCapabilities=CAP_NET_BIND_SERVICE"),
    );
  });

  it("warns of a % before a character that is no specifier, where specifiers expand, and fixes it to %%", async () => {
    assert.deepEqual(await codesIn("app.service", service("ExecStartPost=/usr/bin/echo 50% done")), ["literal-percent"]);
    assert.equal(
      (await applyFix("app.service", service("ExecStartPost=/usr/bin/echo 50% done"), "literal-percent")).text,
      service("ExecStartPost=/usr/bin/echo 50%% done"),
    );
    assert.deepEqual(await codesIn("app.target", "[Unit]\nDescription=100% done\n"), ["literal-percent"]);
    assert.deepEqual(await codesIn("app.target", "[Unit]\nDescription=100%% done\n"), []);
    // networkd reads no specifiers, so a "%" there is plain text.
    assert.deepEqual(await codesIn("50-lan.network", "[Match]\nName=eth0\n[Network]\nDescription=100% done\n"), []);
  });

  it("warns of the deprecated cgroup specifiers", async () => {
    assert.deepEqual(await codesIn("app.service", service("ExecStartPost=/usr/bin/echo %c %r")), [
      "deprecated-specifier",
      "deprecated-specifier",
    ]);
  });
});
