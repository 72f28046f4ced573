import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expandSpecifier, type HostFacts } from "../../src/language/specifierExpansion";
import { unitKind } from "../../src/language/unitKind";

const host: HostFacts = {
  hostname: "web1.example.org",
  machineId: "3d1219c7c4c5404aaa1f6d2a48adfda4",
  architecture: "x86-64",
  osRelease: { ID: "debian", VERSION_ID: "12" },
  user: { name: "alice", uid: 1000, gid: 1000, home: "/home/alice", shell: "/bin/bash" },
  userDirectories: {
    runtime: "/run/user/1000",
    state: "/home/alice/.local/state",
    cache: "/home/alice/.cache",
    config: "/home/alice/.config",
  },
};

// [path of the file, specifier letter, expected value (undefined: not known here)]
const cases: [string, string, string | undefined][] = [
  ["/etc/systemd/system/web.service", "n", "web.service"],
  ["/etc/systemd/system/web.service", "N", "web"],
  ["/etc/systemd/system/web.service", "p", "web"],
  ["/etc/systemd/system/web.service", "i", ""],
  ["/etc/systemd/system/web.service", "f", "/web"],
  ["/etc/systemd/system/dev-disk-by\\x2dlabel-data.mount", "f", "/dev/disk/by-label/data"],
  ["/etc/systemd/system/dev-disk-by\\x2dlabel-data.mount", "j", "by\\x2dlabel-data".split("-").pop()!],
  ["/etc/systemd/system/foo-bar@a-b.service", "i", "a-b"],
  ["/etc/systemd/system/foo-bar@a-b.service", "I", "a/b"],
  ["/etc/systemd/system/foo-bar@a-b.service", "f", "/a/b"],
  ["/etc/systemd/system/foo-bar@a-b.service", "p", "foo-bar"],
  ["/etc/systemd/system/foo-bar@a-b.service", "j", "bar"],
  ["/etc/systemd/system/foo-bar@a-b.service", "N", "foo-bar@a-b"],
  ["/etc/systemd/system/getty@.service", "n", undefined],
  ["/etc/systemd/system/getty@.service", "i", undefined],
  ["/etc/systemd/system/getty@.service", "p", "getty"],
  ["/etc/systemd/system/web.service.d/override.conf", "n", "web.service"],
  ["/etc/systemd/system/web.service.d/override.conf", "y", undefined],
  ["/etc/systemd/system/web.service", "y", "/etc/systemd/system/web.service"],
  ["/etc/systemd/system/web.service", "Y", "/etc/systemd/system"],
  ["/srv/repo/web.service", "y", undefined],
  ["/etc/systemd/system/web.service", "h", "/root"],
  ["/etc/systemd/system/web.service", "u", "root"],
  ["/etc/systemd/system/web.service", "S", "/var/lib"],
  ["/etc/systemd/system/web.service", "d", "/run/credentials/web.service"],
  ["/srv/repo/web.service", "t", "/run"],
  ["/home/alice/.config/systemd/user/sync.service", "h", "/home/alice"],
  ["/home/alice/.config/systemd/user/sync.service", "t", "/run/user/1000"],
  ["/home/alice/.config/systemd/user/sync.service", "L", "/home/alice/.local/state/log"],
  ["/home/alice/.config/systemd/user/sync.service", "E", "/home/alice/.config"],
  ["/etc/systemd/system/web.service", "H", "web1.example.org"],
  ["/etc/systemd/system/web.service", "l", "web1"],
  ["/etc/systemd/system/web.service", "q", "web1"],
  ["/etc/systemd/system/web.service", "a", "x86-64"],
  ["/etc/systemd/system/web.service", "o", "debian"],
  ["/etc/systemd/system/web.service", "W", ""],
  ["/etc/systemd/system/web.service", "b", undefined],
];

describe("specifier expansion for a file", () => {
  for (const [path, letter, expected] of cases) {
    it(`%${letter} in ${path}`, () => assert.equal(expandSpecifier(letter, { kind: unitKind(path), path, host })?.value, expected));
  }

  it("says what an unknown expansion depends on", () => {
    const kind = unitKind("/etc/systemd/system/getty@.service");
    assert.match(expandSpecifier("i", { kind })!.note!, /instance the template is started as/);
    assert.match(expandSpecifier("h", { kind: unitKind("/etc/systemd/user/sync.service") })!.note!, /depends on the user/);
  });
});
