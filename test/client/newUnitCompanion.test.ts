import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bootInstall, companionFile } from "../../server/src/language/generate";
import { generateUnits, type NewUnitOptions } from "../../server/src/language/generate";

/** The file `unitsmith new` writes for `options`, without its header comment. */
function cliFile(options: NewUnitOptions, name: string): string {
  const result = generateUnits(options, () => undefined);
  assert.ok(result.ok, JSON.stringify(result));
  const file = result.files.find((candidate) => candidate.name === name);
  assert.ok(file, name);
  return file.text.replace(/^#.*\n/, "");
}

function textOf(file: ReturnType<typeof companionFile>): string {
  assert.ok(!("errors" in file), JSON.stringify(file));
  return file.text;
}

describe("a timer or socket for an existing service", () => {
  it("is the timer unitsmith new --every writes, with Persistent=true", () => {
    const timer = companionFile("backup.service", "system", { kind: "timer", every: "Mon..Fri 09:00" });
    assert.equal("name" in timer && timer.name, "backup.timer");
    const text = textOf(timer);
    assert.match(text, /^# Starts backup\.service; added by Unitsmith\n/);
    assert.equal(text.replace(/^#.*\n/, ""), cliFile({ name: "backup", command: "/bin/true", every: "Mon..Fri 09:00" }, "backup.timer"));
    assert.match(text, /^OnCalendar=Mon\.\.Fri 09:00$/m);
    assert.match(text, /^Persistent=true$/m);
  });

  it("is the socket unitsmith new --socket writes", () => {
    const text = textOf(companionFile("proxy.service", "system", { kind: "socket", address: "127.0.0.1:8080" }));
    assert.equal(text.replace(/^#.*\n/, ""), cliFile({ name: "proxy", command: "/bin/true", socket: "127.0.0.1:8080" }, "proxy.socket"));
  });

  it("of a template is a template timer that keeps %i", () => {
    const timer = companionFile("greet@.service", "system", { kind: "timer", every: "hourly" });
    assert.equal("name" in timer && timer.name, "greet@.timer");
    assert.match(textOf(timer), /^Description=Starts greet@\.service on the schedule hourly$/m);
  });

  it("is refused for what the generator refuses, with every reason", () => {
    assert.deepEqual(companionFile("web.service", "user", { kind: "socket", address: "80" }), {
      errors: ["--socket 80: a user manager cannot listen on ports below 1024; use a higher port or a system unit."],
    });
    const refused = companionFile("greet@.service", "system", { kind: "socket", address: "nowhere" });
    assert.ok("errors" in refused);
    assert.equal(refused.errors.length, 2);
    assert.ok("errors" in companionFile("backup.service", "system", { kind: "timer", every: "every full moon" }));
  });
});

describe("a service enabled for a target as well as started by a timer or socket", () => {
  const deleted = (text: string) => {
    const found = bootInstall(text);
    assert.ok(found);
    let result = text;
    for (const span of [...found.deletions].reverse()) result = result.slice(0, span.start) + result.slice(span.end);
    return { entries: found.entries, result };
  };

  it("loses the whole [Install] section when it holds nothing else", () => {
    const { entries, result } = deleted(
      "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/true\n\n[Install]\nWantedBy=multi-user.target\n",
    );
    assert.deepEqual(entries, ["WantedBy=multi-user.target"]);
    assert.equal(result, "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/true\n\n");
  });

  it("keeps the section's other entries and comments", () => {
    const { entries, result } = deleted(
      "[Install]\n# how it is enabled\nAlias=y.service\nWantedBy=multi-user.target\nRequiredBy=z.target\n",
    );
    assert.deepEqual(entries, ["WantedBy=multi-user.target", "RequiredBy=z.target"]);
    assert.equal(result, "[Install]\n# how it is enabled\nAlias=y.service\n");
  });

  it("is not found in a service that no target wants", () => {
    assert.equal(bootInstall("[Service]\nExecStart=/usr/bin/true\n\n[Install]\nAlias=y.service\n"), undefined);
  });
});
