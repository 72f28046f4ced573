import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CompletionRequest, type CompletionItem, type CompletionList, type TextEdit } from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

const itemsOf = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? []));

describe("completion of values from systemd's name tables, over stdio", () => {
  let session: LspSession;
  const folder = join(tmpdir(), "unitsmith-named-values");

  before(async () => {
    session = (await LspSession.start({ snippets: false })).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  let opened = 0;
  /** Completion at the end of `text`, opened as a new service each time. */
  async function complete(text: string): Promise<CompletionItem[]> {
    const uri = await session.open(join(folder, `app${++opened}.service`), text);
    const lines = text.split("\n");
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    return itemsOf(await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
  }

  it("offers the address families, after = and after the ~ of a deny list, replacing only the name", async () => {
    for (const value of ["AF_IN", "~AF_IN", "AF_UNIX AF_IN"]) {
      const items = await complete(`[Service]\nRestrictAddressFamilies=${value}`);
      const labels = items.map((item) => item.label);
      assert.ok(
        ["AF_INET", "AF_INET6", "AF_NETLINK", "none"].every((l) => labels.includes(l)),
        labels.slice(0, 8).join(" "),
      );
      const edit = items.find((item) => item.label === "AF_INET")!.textEdit as TextEdit;
      const line = `RestrictAddressFamilies=${value}`;
      assert.equal(edit.range.start.character, line.length - "AF_IN".length, value);
    }
  });

  it("offers errno names, exit statuses with signals, capabilities and netlink families", async () => {
    const labels = async (text: string) => (await complete(`[Service]\n${text}`)).map((item) => item.label);
    assert.ok((await labels("SystemCallErrorNumber=EP")).includes("EPERM"));
    const statuses = await labels("SuccessExitStatus=");
    assert.ok(statuses.includes("TEMPFAIL") && statuses.includes("SIGTERM"));
    assert.ok((await labels("CapabilityBoundingSet=~CAP_")).includes("CAP_SYS_ADMIN"));
    const socket = await session.open(join(folder, "app.socket"), "[Socket]\nListenNetlink=kob");
    const netlink = itemsOf(
      await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: socket }, position: { line: 1, character: 17 } }),
    );
    assert.ok(netlink.some((item) => item.label === "kobject-uevent"));
  });
});
