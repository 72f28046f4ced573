import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { failureDisplay, stateDisplay, statusBarText } from "../../client/src/operations/stateDisplay";

describe("how a unit's state is shown", () => {
  it("tells running, failed, stopped, in between, not installed and templates apart", () => {
    const cases: [Parameters<typeof stateDisplay>[0], string, string][] = [
      [{ run: "running", activeState: "active", loadState: "loaded" }, "running", "circle-filled"],
      [{ run: "stopped", activeState: "failed", loadState: "loaded" }, "failed", "error"],
      [{ run: "stopped", activeState: "inactive", loadState: "loaded" }, "stopped", "circle-outline"],
      [{ activeState: "deactivating", loadState: "loaded" }, "deactivating", "sync"],
      [{ activeState: "inactive", loadState: "not-found" }, "not installed", "circle-slash"],
      [{ activeState: "", loadState: "", template: true }, "template", "symbol-namespace"],
    ];
    for (const [state, label, icon] of cases) {
      const display = stateDisplay(state);
      assert.deepEqual([display.label, display.icon], [label, icon], JSON.stringify(state));
    }
  });

  it("says what kept the state from being read", () => {
    assert.equal(failureDisplay({ ok: false, reason: "no-systemd", message: "" }).label, "no systemd");
    assert.equal(failureDisplay({ ok: false, reason: "unit-not-found", message: "" }).label, "not installed");
    assert.equal(failureDisplay({ ok: false, reason: "timed-out", message: "" }).label, "state unknown");
  });

  it("writes the status bar text with the state's icon", () => {
    assert.equal(
      statusBarText("backup.service", stateDisplay({ run: "running", activeState: "active", loadState: "loaded" })),
      "$(circle-filled) backup.service running",
    );
  });
});
