import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lines, messages, semantic } from "./semanticLint";

const RULES = [
  "missing-exec-start",
  "multiple-exec-start",
  "drop-in-exec-start-append",
  "oneshot-restart",
  "oneshot-runtime-max",
  "dbus-without-bus-name",
  "pam-kill-mode",
  "forking-without-pid-file",
];
const check = (path: string, text: string) => semantic(path, text, RULES);

describe("service rules", () => {
  it("accept an ordinary service and leave an empty (masked) file alone", () => {
    assert.deepEqual(check("web.service", lines("[Unit]", "Description=Web", "[Service]", "ExecStart=/usr/bin/web")), []);
    assert.deepEqual(check("web.service", ""), []);
  });

  it("refuse a service without ExecStart=, as systemd does, with the reason", () => {
    assert.deepEqual(check("a.service", lines("[Unit]", "Description=A", "[Service]", "Type=simple")), ["3:missing-exec-start"]);
    assert.match(messages("a.service", lines("[Service]", "User=a"), "missing-exec-start")[0]!, /no ExecStart=.*Add ExecStart=/);
    assert.match(
      messages("a.service", lines("[Service]", "Type=simple", "ExecStop=/bin/stop"), "missing-exec-start")[0]!,
      /Only a Type=oneshot service may go without ExecStart=/,
    );
    assert.match(
      messages("a.service", lines("[Service]", "Type=oneshot", "ExecStop=/bin/stop"), "missing-exec-start")[0]!,
      /needs RemainAfterExit=yes/,
    );
    // Without [Service] at all the finding sits on the first header.
    assert.deepEqual(check("a.service", lines("[Unit]", "Description=A")), ["1:missing-exec-start"]);
  });

  it("allow what systemd allows without ExecStart=", () => {
    assert.deepEqual(check("a.service", lines("[Service]", "Type=oneshot", "RemainAfterExit=yes", "ExecStop=/bin/stop")), []);
    // An implied Type=oneshot: no Type=, no ExecStart=, no BusName=.
    assert.deepEqual(check("a.service", lines("[Service]", "RemainAfterExit=yes", "ExecStop=/bin/stop")), []);
    assert.deepEqual(check("a.service", lines("[Unit]", "SuccessAction=reboot", "[Service]", "Type=oneshot")), []);
  });

  it("count ExecStart= after the last empty assignment, which clears the list", () => {
    assert.deepEqual(check("a.service", lines("[Service]", "ExecStart=/bin/a", "ExecStart=", "ExecStart=/bin/b")), []);
    assert.deepEqual(check("a.service", lines("[Service]", "ExecStart=/bin/a", "ExecStart=")), ["1:missing-exec-start"]);
  });

  it("refuse several ExecStart= outside Type=oneshot, pointing at the extra ones", () => {
    const text = lines("[Service]", "ExecStart=/bin/a", "ExecStart=/bin/b", "ExecStart=/bin/c");
    assert.deepEqual(check("a.service", text), ["3:multiple-exec-start", "4:multiple-exec-start"]);
    assert.match(messages("a.service", text, "multiple-exec-start")[0]!, /Type=simple service/);
    assert.deepEqual(check("a.service", lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "ExecStart=/bin/b")), []);
    // Repeated [Service] sections are one section to systemd.
    assert.deepEqual(check("a.service", lines("[Service]", "ExecStart=/bin/a", "[Service]", "ExecStart=/bin/b")), [
      "4:multiple-exec-start",
    ]);
  });

  it("judge drop-ins by what they change: no missing ExecStart=, but a warning when one is added rather than replaced", () => {
    const dropIn = "/etc/systemd/system/web.service.d/override.conf";
    assert.deepEqual(check(dropIn, lines("[Service]", "Environment=A=1")), []);
    assert.deepEqual(check(dropIn, lines("[Service]", "ExecStart=", "ExecStart=/bin/new")), []);
    assert.deepEqual(check(dropIn, lines("[Service]", "ExecStart=/bin/new")), ["2:drop-in-exec-start-append"]);
    assert.deepEqual(check(dropIn, lines("[Service]", "Type=oneshot", "ExecStart=/bin/more")), []);
    assert.deepEqual(check(dropIn, lines("[Service]", "Type=simple", "ExecStart=", "ExecStart=/bin/a", "ExecStart=/bin/b")), [
      "5:multiple-exec-start",
    ]);
    assert.deepEqual(check(dropIn, lines("[Service]", "Type=dbus")), [], "BusName= may come from the parent");
  });

  it("refuse Restart=always and on-success on Type=oneshot, and note an ignored RuntimeMaxSec=", () => {
    assert.deepEqual(check("a.service", lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "Restart=always")), ["4:oneshot-restart"]);
    assert.deepEqual(check("a.service", lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "Restart=on-success")), [
      "4:oneshot-restart",
    ]);
    assert.deepEqual(check("a.service", lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "Restart=on-failure")), []);
    assert.deepEqual(check("a.service", lines("[Service]", "ExecStart=/bin/a", "Restart=always")), []);
    assert.deepEqual(check("a.service", lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "RuntimeMaxSec=10")), [
      "4:oneshot-runtime-max",
    ]);
    assert.deepEqual(check("a.service", lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "RuntimeMaxSec=infinity")), []);
  });

  it("refuse Type=dbus without BusName=", () => {
    assert.deepEqual(check("a.service", lines("[Service]", "Type=dbus", "ExecStart=/bin/a")), ["2:dbus-without-bus-name"]);
    assert.deepEqual(check("a.service", lines("[Service]", "Type=dbus", "BusName=org.example.A", "ExecStart=/bin/a")), []);
  });

  it("refuse PAMName= with a KillMode= that leaves processes behind", () => {
    assert.deepEqual(check("a.service", lines("[Service]", "ExecStart=/bin/a", "PAMName=login", "KillMode=process")), ["4:pam-kill-mode"]);
    assert.deepEqual(check("a.service", lines("[Service]", "ExecStart=/bin/a", "PAMName=login", "KillMode=mixed")), []);
    assert.deepEqual(check("a.socket", lines("[Socket]", "ListenStream=80", "PAMName=login", "KillMode=mixed")), ["4:pam-kill-mode"]);
  });

  it("hint at PIDFile= for Type=forking unless GuessMainPID=no says there is no main process to find", () => {
    assert.deepEqual(check("a.service", lines("[Service]", "Type=forking", "ExecStart=/usr/sbin/daemon")), ["2:forking-without-pid-file"]);
    assert.deepEqual(check("a.service", lines("[Service]", "Type=forking", "PIDFile=/run/a.pid", "ExecStart=/usr/sbin/daemon")), []);
    assert.deepEqual(check("a.service", lines("[Service]", "Type=forking", "GuessMainPID=no", "ExecStart=/etc/rc.local")), []);
  });

  it("leave other file kinds alone", () => {
    assert.deepEqual(check("a.timer", lines("[Timer]", "OnCalendar=daily")), []);
    assert.deepEqual(check("/etc/containers/systemd/a.container", lines("[Container]", "Image=nginx", "[Service]", "Restart=always")), []);
  });
});
