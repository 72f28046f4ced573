import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { failureNotice, SUDO_LABEL, TRUST_LABEL } from "../../client/src/operations/notices";

describe("what a failed command tells the user", () => {
  it("offers to rerun the server's command line with sudo in a terminal", () => {
    const argv = ["systemctl", "--no-ask-password", "--no-pager", "start", "--", "backup.service"];
    const notice = failureNotice(
      { ok: false, reason: "needs-privilege", needsPrivilege: true, argv, message: "Access denied. Changing system units needs root." },
      "Starting backup.service",
    );
    assert.ok(notice);
    assert.match(notice.text, /^Starting backup\.service: Access denied/);
    assert.deepEqual(notice.actions, [{ kind: "sudo", label: SUDO_LABEL, argv }]);
  });

  it("explains an untrusted workspace and offers to manage trust", () => {
    const notice = failureNotice({ ok: false, reason: "untrusted-workspace", message: "This workspace is not trusted." }, "Starting a");
    assert.deepEqual(
      notice?.actions.map((action) => action.label),
      [TRUST_LABEL],
    );
    assert.equal(notice?.actions[0]?.kind === "command" && notice.actions[0].command, "workbench.trust.manage");
  });

  it("says plainly that there is no systemd, under one key for both managers", () => {
    const system = failureNotice(
      {
        ok: false,
        reason: "no-systemd",
        message: "There is no systemd system manager to talk to: System has not been booted with systemd",
      },
      "Starting a.service",
    );
    const user = failureNotice(
      { ok: false, reason: "no-systemd", message: "There is no systemd user manager to talk to." },
      "Stopping b.service",
    );
    assert.equal(
      system?.text,
      "There is no systemd system manager to talk to: System has not been booted with systemd. Unitsmith still edits and checks unit files here, but cannot start, stop or query units.",
    );
    assert.equal(system?.severity, "error");
    assert.equal(system?.key, user?.key);
  });

  it("names the attempt in an ordinary failure, and says nothing for a cancelled one", () => {
    const notice = failureNotice({ ok: false, reason: "command-failed", message: "Job failed" }, "Restarting web.service");
    assert.equal(notice?.text, "Restarting web.service failed: Job failed");
    assert.equal(failureNotice({ ok: false, reason: "cancelled", message: "cancelled" }, "x"), undefined);
  });
});
