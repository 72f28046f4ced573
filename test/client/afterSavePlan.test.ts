import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { afterSavePlan, afterSaveSetting } from "../../client/src/operations/afterSavePlan";

const unit = "backup.service";

describe("what happens after an installed unit is saved", () => {
  it("asks by default: Reload and Restart, Only Reload, Not now", () => {
    const plan = afterSavePlan({ setting: "ask", unit, template: false, override: false });
    assert.deepEqual(plan.now, []);
    assert.equal(plan.ask?.text, "Reload and restart backup.service?");
    assert.deepEqual(
      plan.ask?.choices.map((choice) => [choice.label, choice.steps]),
      [
        ["Reload and Restart", ["reload", "restart"]],
        ["Only Reload", ["reload"]],
        ["Not now", []],
      ],
    );
  });

  it("does what the setting says without asking", () => {
    assert.deepEqual(afterSavePlan({ setting: "reloadAndRestart", unit, template: false, override: false }), {
      now: ["reload", "restart"],
    });
    assert.deepEqual(afterSavePlan({ setting: "reload", unit, template: false, override: false }), { now: ["reload"] });
    assert.deepEqual(afterSavePlan({ setting: "nothing", unit, template: false, override: false }), { now: [] });
  });

  it("never restarts a template, which has no instance to restart", () => {
    assert.deepEqual(afterSavePlan({ setting: "reloadAndRestart", unit: "getty@.service", template: true, override: false }), {
      now: ["reload"],
    });
    assert.deepEqual(
      afterSavePlan({ setting: "ask", unit: "getty@.service", template: true, override: false }).ask?.choices.map((c) => c.label),
      ["Reload", "Not now"],
    );
  });

  it("always reloads after saving an override opened with Edit Override, and asks about the restart", () => {
    assert.deepEqual(afterSavePlan({ setting: "nothing", unit, template: false, override: true }), { now: ["reload"] });
    const plan = afterSavePlan({ setting: "ask", unit, template: false, override: true });
    assert.deepEqual(plan.now, ["reload"]);
    assert.equal(plan.ask?.text, "Restart backup.service to apply the override?");
  });

  it("reads an unknown setting as ask", () => {
    assert.equal(afterSaveSetting("sometimes"), "ask");
    assert.equal(afterSaveSetting(undefined), "ask");
    assert.equal(afterSaveSetting("reload"), "reload");
  });
});
