import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RestartPolicy } from "../../client/src/restartPolicy";

describe("restarting a server that died", () => {
  it("restarts it and tells the user once", () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    assert.deepEqual(policy.serverStopped(), {
      restart: true,
      message: "The Unitsmith language server stopped unexpectedly and was restarted.",
    });
    now += 60_000;
    assert.deepEqual(policy.serverStopped(), { restart: true });
  });

  it("gives up after five deaths within three minutes, saying why", () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < 4; i++, now += 1000) assert.equal(policy.serverStopped().restart, true);
    const fifth = policy.serverStopped();
    assert.equal(fifth.restart, false);
    assert.match(fifth.message!, /stopped 5 times in three minutes/);
  });

  it("forgets deaths older than three minutes", () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < 4; i++) policy.serverStopped();
    now += 4 * 60_000;
    assert.equal(policy.serverStopped().restart, true);
  });
});
