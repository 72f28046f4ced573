import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNIT_TYPES, unitKind, type UnitKind } from "../../src/language/unitKind";

function check(path: string, expected: Partial<UnitKind>) {
  const kind = unitKind(path);
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual(kind[key as keyof UnitKind], value, `${key} of ${path}`);
  }
}

describe("unitKind", () => {
  it("knows every unit type by suffix", () => {
    for (const type of UNIT_TYPES) check(`/tmp/foo.${type}`, { file: { family: "unit", type }, template: false, name: `foo.${type}` });
  });

  it("tells templates and instances apart", () => {
    check("getty@.service", { template: true, instance: undefined });
    check("getty@tty1.service", { template: false, instance: "tty1" });
    check("systemd-fsck@dev-disk-by\\x2duuid-1.service", { instance: "dev-disk-by\\x2duuid-1" });
  });

  it("recognises drop-ins and what they extend", () => {
    check("/etc/systemd/system/foo.service.d/10-limits.conf", {
      file: { family: "unit", type: "service" },
      dropIn: { target: "unit", parent: "foo.service" },
      scope: "system",
    });
    check("/etc/systemd/system/service.d/10-all.conf", {
      file: { family: "unit", type: "service" },
      dropIn: { target: "type", parent: "service" },
    });
    check("/etc/systemd/system/foo-.service.d/x.conf", { dropIn: { target: "prefix", parent: "foo-.service" } });
    check("/etc/systemd/system/getty@.service.d/x.conf", { dropIn: { target: "template", parent: "getty@.service" }, template: true });
    check("/etc/systemd/system/-.slice.d/x.conf", {
      file: { family: "unit", type: "slice" },
      dropIn: { target: "unit", parent: "-.slice" },
    });
    check("/etc/systemd/network/10-eth.network.d/mtu.conf", {
      file: { family: "networkd", type: "network" },
      dropIn: { target: "unit", parent: "10-eth.network" },
    });
  });

  it("ignores .conf files that are not in a drop-in directory or systemd's own", () => {
    check("/etc/foo.d/x.conf", { file: undefined });
    check("/etc/app/system.conf", { file: undefined });
    check("/etc/sleep.conf", { file: undefined });
  });

  it("knows systemd's own configuration files and their drop-ins", () => {
    check("/etc/systemd/system.conf", { file: { family: "config", type: "system" }, name: "system.conf" });
    check("/etc/systemd/user.conf", { file: { family: "config", type: "user" } });
    check("/etc/systemd/sleep.conf", { file: { family: "config", type: "sleep" } });
    check("/etc/systemd/journald.conf", { file: { family: "config", type: "journald" }, dropIn: undefined });
    check("config/journal-upload.conf", { file: { family: "config", type: "journal-upload" } });
    check("/etc/systemd/journald@audit.conf", { file: { family: "config", type: "journald" } });
    check("/etc/systemd/journald.conf.d/10-size.conf", {
      file: { family: "config", type: "journald" },
      dropIn: { target: "unit", parent: "journald.conf" },
    });
    check("/usr/lib/systemd/system.conf.d/50-x.conf", { file: { family: "config", type: "system" } });
    check("/etc/systemd/logind.conf.d/README", { file: undefined });
  });

  it("keeps a unit's drop-in a unit drop-in, whatever its file is called", () => {
    check("/etc/systemd/system/foo.service.d/journald.conf", { file: { family: "unit", type: "service" } });
    check("/etc/systemd/system/journald.conf.d.service.d/x.conf", { file: { family: "unit", type: "service" } });
  });

  it("knows .nspawn, .dnssd, repart.d and sysupdate.d definitions", () => {
    check("/etc/systemd/nspawn/web.nspawn", { file: { family: "config", type: "nspawn" }, name: "web.nspawn" });
    check("/etc/systemd/dnssd/http.dnssd", { file: { family: "config", type: "dnssd" } });
    check("/usr/lib/repart.d/10-root.conf", { file: { family: "config", type: "repart" } });
    check("definitions/portable.repart.d/10-root.conf", { file: { family: "config", type: "repart" } });
    check("/usr/lib/sysupdate.d/50-root.transfer", { file: { family: "config", type: "sysupdate-transfer" } });
    check("/etc/sysupdate.kernel.d/devel.feature", { file: { family: "config", type: "sysupdate-feature" } });
    check("features/login.feature", { file: undefined });
  });

  it("reads a build template as the file underneath", () => {
    check("units/foo.service.in", { file: { family: "unit", type: "service" }, name: "foo.service", templateSource: ".in" });
    check("templates/getty@.service.j2", { template: true, templateSource: ".j2" });
    check("roles/x/templates/journald.conf.jinja2", { file: { family: "config", type: "journald" }, templateSource: ".jinja2" });
    check("foo.service.d/override.conf.erb", { dropIn: { target: "unit", parent: "foo.service" }, templateSource: ".erb" });
    check("web.nspawn.tmpl", { file: { family: "config", type: "nspawn" }, templateSource: ".tmpl" });
    check("units/foo.service", { templateSource: undefined });
    check("configure.in", { file: undefined });
  });

  it("sees through the temporary files of systemctl edit", () => {
    check("/etc/systemd/system/foo.service.d/.#override.conf1a2b3c4d5e6f7a8b", {
      systemctlEditTemp: true,
      name: "override.conf",
      dropIn: { target: "unit", parent: "foo.service" },
    });
    check("/etc/systemd/system/.#foo.service0123456789abcdef", {
      systemctlEditTemp: true,
      name: "foo.service",
      file: { family: "unit", type: "service" },
    });
  });

  it("knows networkd files and Quadlet files, .network by directory", () => {
    check("/etc/systemd/network/10-wired.network", { file: { family: "networkd", type: "network" } });
    check("/etc/systemd/network/br0.netdev", { file: { family: "networkd", type: "netdev" } });
    check("/usr/lib/systemd/network/99-default.link", { file: { family: "networkd", type: "link" } });
    for (const type of ["container", "volume", "pod", "kube", "image", "build"] as const) {
      check(`/etc/containers/systemd/web.${type}`, { file: { family: "quadlet", type } });
    }
    check("/etc/containers/systemd/backend.network", { file: { family: "quadlet", type: "network" } });
    // Words that name other things outside a Quadlet directory.
    check("src/meson.build", { file: undefined });
    check("out/disk.image", { file: undefined });
    check("/home/me/.config/containers/systemd/app.network", { file: { family: "quadlet", type: "network" }, scope: "user" });
  });

  it("reads the scope from the path where it says so", () => {
    check("/home/me/.config/systemd/user/app.service", { scope: "user" });
    check("/usr/lib/systemd/user/pipewire.service", { scope: "user" });
    check("/etc/systemd/user/x.timer", { scope: "user" });
    check("/lib/systemd/system/ssh.service", { scope: "system" });
    check("/run/systemd/system/x.mount", { scope: "system" });
    check("/home/me/project/app.service", { scope: undefined });
  });

  it("answers for paths that are nothing systemd reads", () => {
    for (const path of ["", "/", "README.md", "foo.", ".service", "C:\\units\\foo.service"]) {
      assert.doesNotThrow(() => unitKind(path));
    }
    check("README.md", { file: undefined });
    check("C:\\units\\foo.service", { file: { family: "unit", type: "service" }, name: "foo.service" });
  });
});
