// The refusal of an untrusted workspace, at the protocol level: code-server's test harness runs
// with workspace trust disabled, so the editor suite cannot open an untrusted window.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ExecuteCommandRequest } from "vscode-languageserver-protocol/node";
import { failureNotice, TRUST_LABEL } from "../../client/src/operations/notices";
import { serverCommandId, type ArgumentOf, type CommandName, type OperationFailure } from "../../client/src/operations/serverCommands";
import { LspSession } from "../protocol/lspClient";

const unit = { unit: "backup.service", scope: "system" } as const;
const uri = "file:///etc/systemd/system/backup.service";

/** The arguments the editor's commands send, one per server command. */
const sent: { [K in CommandName]: ArgumentOf<K> } = {
  status: unit,
  start: unit,
  stop: unit,
  restart: unit,
  reload: unit,
  enable: unit,
  disable: unit,
  enableNow: unit,
  resetFailed: unit,
  daemonReload: { scope: "user" },
  journal: { ...unit, priority: "err", since: "today" },
  cat: unit,
  list: { scope: "system" },
  override: unit,
  writeOverride: { ...unit, host: { ssh: "alice@web1" }, text: "[Service]\n" },
  install: { uri, scope: "system", enable: true, start: true },
  uninstall: unit,
  security: { uri },
  explainFailure: unit,
  machines: {},
  deploy: { uris: [uri], hosts: [{ ssh: "root@web1" }], mode: "check" },
  inventoryGroups: { inventory: "file:///srv/fleet/inventory.ini" },
};

describe("an untrusted workspace", () => {
  it("has every command the editor sends refused, with a notice that offers to manage trust", async () => {
    const { session } = await LspSession.start({ trusted: false });
    try {
      for (const [name, argument] of Object.entries(sent)) {
        const answer = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
          command: serverCommandId(name as CommandName),
          arguments: [argument],
        })) as OperationFailure;
        assert.deepEqual([answer.ok, answer.reason], [false, "untrusted-workspace"], name);
        const notice = failureNotice(answer, name);
        assert.match(notice?.text ?? "", /not trusted/, name);
        assert.deepEqual(
          notice?.actions.map((action) => action.label),
          [TRUST_LABEL],
        );
      }
    } finally {
      assert.equal(await session.shutdown(), 0);
    }
  });
});
