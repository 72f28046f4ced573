import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { machineEntry, parseHostsSetting } from "../../client/src/operations/hostsSetting";

describe("unitsmith.hosts", () => {
  it("reads ssh destinations separated by commas, with (sudo) where system work goes through sudo", () => {
    assert.deepEqual(parseHostsSetting(" web1, alice@db.example.org ,bob@10.0.0.7 (sudo),, web1"), {
      hosts: [
        { label: "web1", host: { ssh: "web1" } },
        { label: "alice@db.example.org", host: { ssh: "alice@db.example.org" } },
        { label: "bob@10.0.0.7 (sudo)", host: { ssh: "bob@10.0.0.7", sudo: true } },
      ],
      problems: [],
    });
  });

  it("refuses what ssh would read as an option or what is not one destination", () => {
    const { hosts, problems } = parseHostsSetting("-oProxyCommand=x, two words, web1");
    assert.deepEqual(
      hosts.map((entry) => entry.label),
      ["web1"],
    );
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /"-oProxyCommand=x" is not an ssh destination/);
  });

  it("names a machine from machinectl as a container", () => {
    assert.deepEqual(machineEntry("box"), { label: "box (container)", host: { machine: "box" } });
  });
});
