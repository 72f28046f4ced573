import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeAction, planAction, type ActionState, type UnitAction } from "../../src/operations/idempotence";

const running: ActionState = { run: "running", failed: false, enablement: "enabled" };
const stopped: ActionState = { run: "stopped", failed: false, enablement: "disabled" };
const failed: ActionState = { run: "stopped", failed: true, enablement: "enabled" };

describe("only what needs doing is done", () => {
  const table: [UnitAction, ActionState, string[]][] = [
    ["start", stopped, ["start"]],
    ["start", running, []],
    ["start", failed, ["start"]],
    ["stop", running, ["stop"]],
    ["stop", stopped, []],
    ["stop", failed, []],
    ["restart", running, ["restart"]],
    ["restart", stopped, ["start"]],
    ["reload", running, ["reload"]],
    ["reload", stopped, []],
    ["enable", stopped, ["enable"]],
    ["enable", running, []],
    ["disable", running, ["disable"]],
    ["disable", stopped, []],
    ["enableNow", stopped, ["enable", "start"]],
    ["enableNow", running, []],
    ["enableNow", failed, ["start"]],
    ["enableNow", { run: "running", failed: false, enablement: "disabled" }, ["enable"]],
    ["resetFailed", failed, ["reset-failed"]],
    ["resetFailed", running, []],
  ];
  for (const [action, state, verbs] of table) {
    test(`${action} on ${JSON.stringify(state)} → ${verbs.join(", ") || "nothing"}`, () =>
      assert.deepEqual(planAction(action, state), verbs));
  }
});

describe("messages", () => {
  test("say what happened, or why nothing did", () => {
    assert.equal(describeAction("start", "a.service", ["start"]), "Started a.service.");
    assert.equal(describeAction("start", "a.service", []), "a.service is already running.");
    assert.equal(describeAction("restart", "a.service", ["start"]), "a.service was not running; started it.");
    assert.equal(describeAction("enableNow", "a.service", ["enable", "start"]), "Enabled and started a.service.");
    assert.equal(describeAction("reload", "a.service", []), "a.service is not running, so there is nothing to reload.");
  });
});
