import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CompletionItemTag, type CompletionItem } from "vscode-languageserver-types";
import type { TargetSystemd } from "../../src/language/rules/rule";
import { atCursor, testService } from "../service";

async function complete(path: string, text: string, target: TargetSystemd = {}): Promise<CompletionItem[]> {
  const { document, position } = atCursor(path, text);
  return testService({}, { target }).completion(document, position);
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem | undefined) => (item?.textEdit && "range" in item.textEdit ? item.textEdit : undefined);

describe("completion", () => {
  it("offers the sections of the file's kind after [", async () => {
    assert.deepEqual(labels(await complete("web.service", "[|")), ["[Unit]", "[Service]", "[Install]"]);
    assert.deepEqual(labels(await complete("daily.timer", "[Unit]\nDescription=x\n[T|")), ["[Unit]", "[Timer]", "[Install]"]);
    assert.ok(labels(await complete("/etc/containers/systemd/web.container", "[|")).includes("[Container]"));
    assert.ok(labels(await complete("10-eth.network", "[|")).includes("[DHCPv4]"));
    const item = (await complete("web.service", "[Serv|]")).find((i) => i.label === "[Service]");
    assert.deepEqual(edit(item)?.newText, "[Service]");
    assert.deepEqual(edit(item)?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
  });

  it("offers the directives of the section at the cursor, inserting Name=", async () => {
    const items = await complete("web.service", "[Unit]\nDescription=x\n[Service]\nExec|");
    assert.ok(labels(items).includes("ExecStart"));
    assert.ok(!labels(items).includes("After"), "[Unit] directives are not offered in [Service]");
    const execStart = items.find((i) => i.label === "ExecStart")!;
    assert.equal(edit(execStart)?.newText, "ExecStart=");
    assert.deepEqual(edit(execStart)?.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
    assert.match(execStart.detail!, /\[Service\] · exec/);
    assert.equal(execStart.documentation, undefined, "the Markdown waits for completionItem/resolve");
    const doc = (await testService().resolveCompletion(execStart)).documentation as { kind: string; value: string };
    assert.equal(doc.kind, "markdown");
    assert.match(doc.value, /\*\*ExecStart=\*\*/);
    assert.match(doc.value, /freedesktop\.org\/software\/systemd\/man\/latest\/systemd\.service\.html#ExecStart=/);
  });

  it("does not add a second = when the key is being renamed", async () => {
    const item = (await complete("web.service", "[Service]\nExecSt|art=/bin/true\n")).find((i) => i.label === "ExecStart");
    assert.equal(edit(item)?.newText, "ExecStart");
    assert.deepEqual(edit(item)?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
  });

  it("tags deprecated directives and sorts them last; marks those newer than the target", async () => {
    const items = await complete("web.service", "[Service]\n|", { version: 240 });
    const memoryLimit = items.find((i) => i.label === "MemoryLimit")!;
    assert.deepEqual(memoryLimit.tags, [CompletionItemTag.Deprecated]);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.ok(sorted.indexOf(memoryLimit) > sorted.findIndex((i) => i.label === "MemoryMax"));
    const zswap = items.find((i) => i.label === "MemoryZSwapMax")!;
    assert.match(zswap.detail!, /newer than 240/);
  });

  it("offers enum values and booleans after =", async () => {
    const restart = await complete("web.service", "[Service]\nRestart=|");
    assert.deepEqual(labels(restart).slice(0, 3), ["no", "on-success", "on-failure"]);
    assert.ok(
      restart.every((item) => item.detail),
      "every Restart= value says what it means",
    );
    assert.ok(labels(await complete("web.service", "[Service]\nType=|")).includes("notify"));
    assert.deepEqual(labels(await complete("web.service", "[Service]\nNoNewPrivileges=|")), ["yes", "no", "true", "false"]);
    assert.deepEqual(labels(await complete("web.service", "[Service]\nPrivateTmp=|")), [
      "no",
      "connected",
      "disconnected",
      "yes",
      "true",
      "false",
    ]);
    const partial = (await complete("web.service", "[Service]\nKillMode=mi|")).find((i) => i.label === "mixed");
    assert.deepEqual(edit(partial)?.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } });
  });

  it("offers specifiers after %", async () => {
    const items = await complete("web@.service", "[Service]\nExecStart=/usr/bin/web --name %|");
    assert.ok(labels(items).includes("%i"));
    assert.ok(labels(items).includes("%n"));
  });

  it("offers nothing in comments or for files of unknown kind", async () => {
    assert.deepEqual(await complete("web.service", "[Service]\n# Exec|"), []);
    assert.deepEqual(await complete("notes.txt", "[|"), []);
  });
});
