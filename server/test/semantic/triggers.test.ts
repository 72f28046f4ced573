import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lines, messages, semantic } from "./semanticLint";

const RULES = ["timer-without-trigger", "socket-without-listen", "path-without-watch", "accept-with-service", "missing-activated-unit"];
const check = (path: string, text: string, siblings?: string[]) => semantic(path, text, RULES, siblings && new Set(siblings));

describe("timer, socket and path rules", () => {
  it("refuse a timer that never elapses, and accept any time setting", () => {
    assert.deepEqual(check("a.timer", lines("[Unit]", "Description=A", "[Timer]", "Persistent=true")), ["3:timer-without-trigger"]);
    assert.deepEqual(check("a.timer", lines("[Timer]", "OnCalendar=daily", "OnCalendar=")), ["1:timer-without-trigger"]);
    for (const setting of ["OnCalendar=daily", "OnBootSec=5min", "OnUnitActiveSec=1h", "OnClockChange=yes", "OnTimezoneChange=true"]) {
      assert.deepEqual(check("a.timer", lines("[Timer]", setting)), [], setting);
    }
  });

  it("refuse a socket that listens on nothing and a path unit that watches nothing", () => {
    assert.deepEqual(check("a.socket", lines("[Socket]", "Accept=no")), ["1:socket-without-listen"]);
    assert.deepEqual(check("a.socket", lines("[Socket]", "ListenDatagram=/run/a.sock")), []);
    assert.deepEqual(check("a.path", lines("[Path]", "MakeDirectory=yes")), ["1:path-without-watch"]);
    assert.deepEqual(check("a.path", lines("[Path]", "PathChanged=/etc/a.conf")), []);
  });

  it("leave drop-ins alone: the parent has the settings", () => {
    assert.deepEqual(check("/etc/systemd/system/a.timer.d/late.conf", lines("[Timer]", "RandomizedDelaySec=1h")), []);
    assert.deepEqual(check("/etc/systemd/system/a.socket.d/more.conf", lines("[Socket]", "Backlog=64")), []);
  });

  it("refuse Service= on a socket with Accept=yes", () => {
    assert.deepEqual(check("a.socket", lines("[Socket]", "ListenStream=22", "Accept=yes", "Service=sshd.service")), [
      "4:accept-with-service",
    ]);
    assert.deepEqual(check("a.socket", lines("[Socket]", "ListenStream=22", "Accept=no", "Service=sshd.service")), []);
  });

  it("say nothing about the started unit when the server does not know the siblings", () => {
    assert.deepEqual(check("backup.timer", lines("[Timer]", "OnCalendar=daily")), []);
  });

  it("hint when the unit a timer or path starts is not beside it: same name, Unit=, or an instance's template", () => {
    assert.deepEqual(check("backup.timer", lines("[Timer]", "OnCalendar=daily"), ["backup.timer"]), ["1:missing-activated-unit"]);
    assert.match(
      messages("backup.timer", lines("[Timer]", "OnCalendar=daily"), "missing-activated-unit", new Set(["backup.timer"]))[0]!,
      /starts backup\.service, but no unit file of that name .* or name the unit to start in Unit=/,
    );
    assert.deepEqual(check("backup.timer", lines("[Timer]", "OnCalendar=daily"), ["backup.timer", "backup.service"]), []);
    assert.deepEqual(
      check("backup.timer", lines("[Timer]", "OnCalendar=daily", "Unit=job.service"), ["backup.service", "job.service"]),
      [],
    );
    assert.deepEqual(check("backup.timer", lines("[Timer]", "OnCalendar=daily", "Unit=job.service"), ["backup.service"]), [
      "1:missing-activated-unit",
    ]);
    assert.deepEqual(check("backup@home.timer", lines("[Timer]", "OnCalendar=daily"), ["backup@.service"]), []);
    assert.deepEqual(check("watch.path", lines("[Path]", "PathChanged=/etc/x"), ["other.service"]), ["1:missing-activated-unit"]);
    assert.deepEqual(check("a.timer", lines("[Timer]", "OnCalendar=daily", "Unit=%N-job.service"), []), [], "specifiers are not guessed");
  });

  it("look for the template behind a socket with Accept=yes, and for Service= otherwise", () => {
    const accepting = lines("[Socket]", "ListenStream=22", "Accept=yes");
    assert.deepEqual(check("sshd.socket", accepting, ["sshd.service"]), ["1:missing-activated-unit"]);
    assert.match(
      messages("sshd.socket", accepting, "missing-activated-unit", new Set())[0]!,
      /starts sshd@\.service.*Create sshd@\.service\.$/,
    );
    assert.deepEqual(check("sshd.socket", accepting, ["sshd@.service"]), []);
    assert.deepEqual(check("a.socket", lines("[Socket]", "ListenStream=80", "Service=web.service"), ["web.service"]), []);
  });
});
