import assert from "node:assert/strict";
import { test } from "node:test";
import { cgroupLayout } from "./harness/cgroupLayout";

// Trimmed /proc/self/mountinfo lines: id parent dev root mount-point options - type source super-options
const mount = (root: string, mountPoint: string, type: string, superOptions: string) =>
  `30 25 0:26 ${root} ${mountPoint} rw,nosuid shared:9 - ${type} cgroup ${superOptions}`;

test("hybrid layout (Debian 12 VMs): a cgroup in the unified and in the name=systemd tree", () => {
  const mountinfo = [
    mount("/", "/sys/fs/cgroup/memory", "cgroup", "rw,memory"),
    mount("/", "/sys/fs/cgroup/systemd", "cgroup", "rw,name=systemd"),
    mount("/", "/sys/fs/cgroup/unified", "cgroup2", "rw"),
  ].join("\n");
  const own = "9:name=systemd:/\n4:memory:/ci/job\n0::/\n";
  assert.deepEqual(cgroupLayout(mountinfo, own), {
    parents: ["/sys/fs/cgroup/systemd", "/sys/fs/cgroup/unified"],
    unified: true,
  });
});

test("pure cgroup2 (systemd hosts, CI runners): under the cgroup this process is in", () => {
  const mountinfo = mount("/", "/sys/fs/cgroup", "cgroup2", "rw,nsdelegate");
  const own = "0::/system.slice/runner.service\n";
  assert.deepEqual(cgroupLayout(mountinfo, own), {
    parents: ["/sys/fs/cgroup/system.slice/runner.service"],
    unified: true,
  });
});

test("legacy-only hosts get the name=systemd tree and no unified hierarchy", () => {
  const mountinfo = mount("/", "/sys/fs/cgroup/systemd", "cgroup", "rw,xattr,name=systemd");
  assert.deepEqual(cgroupLayout(mountinfo, "1:name=systemd:/build\n"), {
    parents: ["/sys/fs/cgroup/systemd/build"],
    unified: false,
  });
});

test("a hierarchy mounted from below its root (inside a container) maps the path relative to the mount", () => {
  const mountinfo = mount("/docker/abc", "/sys/fs/cgroup", "cgroup2", "rw");
  assert.deepEqual(cgroupLayout(mountinfo, "0::/docker/abc/job\n"), { parents: ["/sys/fs/cgroup/job"], unified: true });
});

test("no usable hierarchy gives no parents, so booting can say why", () => {
  const mountinfo = mount("/", "/sys/fs/cgroup/cpu", "cgroup", "rw,cpu");
  assert.deepEqual(cgroupLayout(mountinfo, "1:cpu:/\n"), { parents: [], unified: false });
});
