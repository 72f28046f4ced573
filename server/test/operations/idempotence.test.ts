import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  describeAction,
  maskedRefusal,
  planAction,
  UNIT_ACTIONS,
  type ActionState,
  type UnitAction,
} from "../../src/operations/idempotence";
import { mapActiveState, mapEnabledState } from "../../src/systemd/unitState";

/** The state as the session builds it from `systemctl show`'s ActiveState and UnitFileState. */
function stateOf(activeState: string, unitFileState: string): ActionState {
  const active = mapActiveState(activeState);
  const enabled = mapEnabledState(unitFileState);
  assert.ok(active.ok && enabled.ok, `${activeState} ${unitFileState}`);
  return { run: active.value.run, failed: active.value.failed, activeState, enablement: enabled.value };
}

const running = stateOf("active", "enabled");
const stopped = stateOf("inactive", "disabled");
const failed = stateOf("failed", "enabled");
const failedDisabled = stateOf("failed", "disabled");
const staticUnit = stateOf("inactive", "static");
const masked = stateOf("inactive", "masked");
const autoRestart = stateOf("activating", "enabled");

describe("only what needs doing is done", () => {
  const table: [UnitAction, string, ActionState, string[]][] = [
    ["start", "stopped", stopped, ["start"]],
    ["start", "running", running, []],
    ["start", "failed", failed, ["start"]],
    ["stop", "running", running, ["stop"]],
    ["stop", "stopped", stopped, []],
    ["stop", "failed", failed, []],
    ["stop", "activating (auto-restart pending)", autoRestart, ["stop"]],
    ["restart", "running", running, ["restart"]],
    ["restart", "stopped", stopped, ["start"]],
    ["restart", "failed", failed, ["start"]],
    ["reload", "running", running, ["reload"]],
    ["reload", "stopped", stopped, []],
    ["reload", "failed", failed, []],
    ["enable", "stopped", stopped, ["enable"]],
    ["enable", "running", running, []],
    ["enable", "failed and enabled", failed, []],
    ["enable", "failed and disabled", failedDisabled, ["enable"]],
    ["enable", "static", staticUnit, []],
    ["disable", "running", running, ["disable"]],
    ["disable", "stopped", stopped, []],
    ["disable", "failed and enabled", failed, ["disable"]],
    ["disable", "failed and disabled", failedDisabled, []],
    ["disable", "static", staticUnit, []],
    ["disable", "masked", masked, []],
    ["enableNow", "stopped", stopped, ["enable", "start"]],
    ["enableNow", "running", running, []],
    ["enableNow", "failed", failed, ["start"]],
    ["enableNow", "running and disabled", stateOf("active", "disabled"), ["enable"]],
    ["resetFailed", "failed", failed, ["reset-failed"]],
    ["resetFailed", "running", running, []],
  ];
  for (const [action, name, state, verbs] of table) {
    test(`${action} on a ${name} unit → ${verbs.join(", ") || "nothing"}`, () => assert.deepEqual(planAction(action, state), verbs));
  }
});

describe("a masked unit", () => {
  test("is refused what systemctl refuses, with the way out", () => {
    for (const action of ["start", "restart", "reload", "enable", "enableNow"] as const) {
      const running = action === "reload" ? { ...masked, run: "running" as const } : masked;
      const refusal = maskedRefusal("a.service", running, planAction(action, running));
      assert.match(
        refusal ?? "",
        /^a\.service is masked, so systemd will not .* it; unmask it first \(systemctl unmask a\.service\)\.$/,
        action,
      );
    }
    assert.equal(
      maskedRefusal("a.service", masked, planAction("enableNow", masked)),
      "a.service is masked, so systemd will not enable or start it; unmask it first (systemctl unmask a.service).",
    );
  });

  test("may be stopped and reset, and has nothing to disable", () => {
    const up = { ...masked, run: "running" as const, activeState: "active" };
    assert.equal(maskedRefusal("a.service", up, planAction("stop", up)), undefined);
    assert.equal(maskedRefusal("a.service", masked, planAction("resetFailed", { ...masked, failed: true })), undefined);
    assert.equal(
      describeAction("disable", "a.service", planAction("disable", masked), masked),
      "a.service is masked, so it is not enabled.",
    );
  });

  test("counts as neither enabled nor disabled", () => {
    assert.deepEqual(mapEnabledState("masked-runtime"), { ok: true, value: "masked" });
  });
});

describe("messages", () => {
  test("say what happened", () => {
    assert.equal(describeAction("start", "a.service", ["start"]), "Started a.service.");
    assert.equal(describeAction("restart", "a.service", ["start"]), "a.service was not running; started it.");
    assert.equal(describeAction("enableNow", "a.service", ["enable", "start"]), "Enabled and started a.service.");
    assert.equal(describeAction("resetFailed", "a.service", ["reset-failed"]), "Reset the failed state of a.service.");
  });

  test("say why nothing happened, for every action that can have nothing to do", () => {
    const nothing: Record<Exclude<UnitAction, "restart">, [ActionState, string]> = {
      start: [running, "a.service is already running."],
      stop: [stopped, "a.service is not running."],
      reload: [stopped, "a.service is not running, so there is nothing to reload."],
      enable: [running, "a.service is already enabled."],
      disable: [stopped, "a.service is not enabled."],
      enableNow: [running, "a.service is already enabled and running."],
      resetFailed: [running, "a.service is not in the failed state."],
    };
    assert.deepEqual([...Object.keys(nothing), "restart"].sort(), [...UNIT_ACTIONS].sort());
    for (const [action, [state, message]] of Object.entries(nothing) as [UnitAction, [ActionState, string]][]) {
      const verbs = planAction(action, state);
      assert.deepEqual(verbs, [], action);
      assert.equal(describeAction(action, "a.service", verbs, state), message);
    }
  });

  test("restart always has something to do: it restarts what runs and starts the rest", () => {
    for (const state of [running, stopped, failed, failedDisabled, staticUnit, masked, autoRestart]) {
      assert.notDeepEqual(planAction("restart", state), [], JSON.stringify(state));
    }
  });

  test("a static unit has nothing to enable or disable, and says so", () => {
    for (const action of ["enable", "disable"] as const) {
      assert.equal(
        describeAction(action, "a.service", planAction(action, staticUnit), staticUnit),
        "a.service is static: it has no [Install] section, so there is nothing to enable or disable.",
      );
    }
  });
});
