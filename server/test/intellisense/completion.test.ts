import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CompletionItemTag, InsertTextFormat, type CompletionItem } from "vscode-languageserver-types";
import type { UnitLanguageHost } from "../../src/language/languageService";
import type { SnippetFile } from "../../src/language/snippets";
import { staticCatalog, type UnitCatalog } from "../../src/language/unitCatalog";
import { bundledSnippets } from "../../src/workspace/bundledSnippets";
import { createPathLister } from "../../src/workspace/fileSystemProbes";
import { atCursor, testService } from "../service";
import { sampleCatalog } from "./fixtures";

interface Extras {
  units?: UnitCatalog;
  listDirectory?: UnitLanguageHost["listDirectory"];
  snippets?: SnippetFile;
}

async function complete(
  path: string,
  text: string,
  { units, listDirectory, snippets }: Extras = { units: sampleCatalog() },
): Promise<CompletionItem[]> {
  const { document, position } = atCursor(path, text);
  const service = testService(
    { ...(units && { units: async () => units }), ...(listDirectory && { listDirectory }) },
    { ...(snippets && { snippets }) },
  );
  return service.completion(document, position);
}
const labels = (items: CompletionItem[]) => items.map((item) => item.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit && "newText" in item.textEdit ? item.textEdit.newText : undefined);

describe("unit name completion", () => {
  const cases: [what: string, path: string, text: string, offered: string[], notOffered: string[]][] = [
    ["any unit for After=", "app.service", "[Unit]\nAfter=|", ["web.service", "ssh.service", "network-online.target"], ["app.service"]],
    ["after a first name in a list", "app.service", "[Unit]\nWants=ssh.service |", ["network-online.target"], []],
    ["only sockets for Sockets=", "app.service", "[Service]\nSockets=|", ["web.socket"], ["web.service", "ssh.service"]],
    ["only slices for Slice=", "app.service", "[Service]\nSlice=|", ["system.slice"], ["web.service"]],
    ["units for Unit= of a timer", "backup.timer", "[Timer]\nUnit=|", ["web.service", "ssh.service"], []],
    ["targets and others for WantedBy=", "app.service", "[Install]\nWantedBy=|", ["network-online.target"], []],
    ["nothing from the catalog for a free-text value", "app.service", "[Unit]\nDescription=|", [], ["web.service"]],
  ];
  for (const [what, path, text, offered, notOffered] of cases) {
    it(what, async () => {
      const found = labels(await complete(path, text));
      for (const name of offered) assert.ok(found.includes(name), `${name} in ${found.join(", ")}`);
      for (const name of notOffered) assert.ok(!found.includes(name), `${name} not offered`);
    });
  }

  it("puts workspace units first and describes each with its Description= and path", async () => {
    const items = await complete("app.service", "[Unit]\nAfter=|");
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0]!.label, "web.service");
    const ssh = items.find((item) => item.label === "ssh.service")!;
    assert.equal(ssh.detail, "OpenBSD Secure Shell server");
    assert.match((ssh.documentation as { value: string }).value, /\/lib\/systemd\/system\/ssh\.service/);
  });

  it("replaces the whole name being typed, and marks masked units", async () => {
    const items = await complete("app.service", "[Unit]\nAfter=ss|h.serv foo");
    assert.deepEqual((items[0]!.textEdit as { range: unknown }).range, {
      start: { line: 1, character: 6 },
      end: { line: 1, character: 14 },
    });
    assert.deepEqual(items.find((item) => item.label === "old.service")!.tags, [CompletionItemTag.Deprecated]);
  });

  it("inserts a template with a placeholder for the instance, but the template itself for Also=", async () => {
    const getty = (await complete("app.service", "[Unit]\nWants=|")).find((item) => item.label === "getty@.service")!;
    assert.equal(newText(getty), "getty@${1:instance}.service");
    assert.equal(getty.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(
      newText((await complete("app.service", "[Install]\nAlso=|")).find((item) => item.label === "getty@.service")),
      "getty@.service",
    );
  });

  it("leaves descriptions beyond the first items to completionItem/resolve", async () => {
    const many = staticCatalog(
      Array.from({ length: 100 }, (_, i) => ({
        name: `u${String(i).padStart(3, "0")}.service`,
        origin: "installed" as const,
        description: `Unit ${i}`,
      })),
    );
    const items = await complete("app.service", "[Unit]\nAfter=|", { units: many });
    const last = items.find((item) => item.label === "u099.service")!;
    assert.equal(last.detail, undefined);
    assert.equal((await testService({ units: async () => many }).resolveCompletion(last)).detail, "Unit 99");
  });
});

describe("unit name completion in a large workspace", () => {
  /** The most unit names one answer carries (MAX_UNIT_ITEMS of valueCompletion.ts). */
  const MAX_UNIT_ITEMS = 100;
  const workspace = staticCatalog(
    Array.from({ length: 1000 }, (_, i) => ({ name: `app-${i}.service`, origin: "workspace" as const, description: `App ${i}` })),
  );
  const completeList = async (text: string) => {
    const { document, position } = atCursor("bench.service", text);
    return testService({ units: async () => workspace }).completionList(document, position);
  };

  it(`sends at most ${MAX_UNIT_ITEMS} names, those starting with what is typed, and says the list is incomplete`, async () => {
    const list = await completeList("[Unit]\nAfter=app-9|");
    assert.equal(list.isIncomplete, true);
    assert.equal(list.items.length, MAX_UNIT_ITEMS);
    assert.ok(list.items.every((item) => String(item.label).startsWith("app-9")));
    assert.equal(list.items[0]!.label, "app-9.service");
    assert.equal(list.items[0]!.detail, "App 9");
  });

  it("leaves a cut list's documentation to completionItem/resolve, and its order to the names", async () => {
    const list = await completeList("[Unit]\nAfter=app-9|");
    assert.ok(list.isIncomplete);
    assert.ok(list.items.every((item) => item.documentation === undefined && item.sortText === undefined && item.data !== undefined));
    const resolved = await testService({ units: async () => workspace }).resolveCompletion(list.items[0]!);
    assert.equal(resolved.detail, "App 9");
    assert.match((resolved.documentation as { value: string }).value, /\*\*app-9\.service\*\*: App 9/);
  });

  it("after the names that start with the word, sends those that contain it", async () => {
    const list = await completeList("[Unit]\nAfter=-99|");
    assert.deepEqual(labels(list.items), ["app-99.service", ...Array.from({ length: 10 }, (_, i) => `app-99${i}.service`)]);
    assert.equal(list.isIncomplete, true, "the other names are left out");
  });

  it("answers the same question of the same catalog with the same list, its items sharing one data object", async () => {
    const service = testService({ units: async () => workspace });
    const { document, position } = atCursor("bench.service", "[Unit]\nAfter=app-9|");
    const [first, again] = [await service.completionList(document, position), await service.completionList(document, position)];
    assert.equal(again.items, first.items);
    const cut = first.items.filter((item) => item.documentation === undefined);
    assert.ok(cut.every((item) => item.data === cut[0]!.data));
    const longer = atCursor("bench.service", "[Unit]\nAfter=app-98|");
    const other = await service.completionList(longer.document, longer.position);
    assert.notEqual(other.items, first.items);
    assert.equal((await service.resolveCompletion(other.items[0]!)).detail, "App 98");
  });

  it("sends every name, as a complete list, when there are few", async () => {
    const { document, position } = atCursor("app.service", "[Unit]\nAfter=ss|");
    const list = await testService({ units: async () => sampleCatalog() }).completionList(document, position);
    assert.equal(list.isIncomplete, false);
    assert.ok(labels(list.items).includes("web.service"), "names that do not match what is typed are left to the client's filter");
  });
});

describe("directive completion cut to the word typed", () => {
  const listAt = (text: string) => {
    const { document, position } = atCursor("app.service", text);
    return testService().completionList(document, position);
  };

  it("sends the whole section, complete, where nothing is typed yet", async () => {
    const list = await listAt("[Service]\n|");
    assert.equal(list.isIncomplete, false);
    assert.ok(list.items.length > 200, `${list.items.length} directives`);
  });

  it("sends the directives the typed word can match, and says the list is incomplete", async () => {
    const all = await listAt("[Service]\n|");
    const list = await listAt("[Service]\nMo|untImagePolicy=x");
    assert.equal(list.isIncomplete, true);
    assert.ok(list.items.length < all.items.length / 4, `${list.items.length} of ${all.items.length}`);
    for (const label of ["MountImagePolicy", "MountAPIVFS", "PrivateMounts", "MemoryMax"])
      assert.ok(labels(list.items).includes(label), label);
    for (const label of ["ExecStart", "Restart", "User"]) assert.ok(!labels(list.items).includes(label), label);
    // The edit still replaces the whole key, as before.
    assert.equal(newText(list.items.find((item) => item.label === "MountAPIVFS")), "MountAPIVFS");
  });

  it("keeps a directive typed with two letters swapped", async () => {
    const list = await listAt("[Service]\nExce|");
    assert.ok(labels(list.items).includes("ExecStart"));
  });

  it("for a client that takes list defaults, says the range and data once and sends the same items for the same word", async () => {
    const service = testService({}, { client: { ...testService().settings.client, listDefaults: true } });
    const at = (text: string) => {
      const { document, position } = atCursor("app.service", text);
      return service.completionList(document, position);
    };
    const first = await at("[Service]\nRes|");
    const later = await at("[Service]\nUser=web\n\n  Res|");
    assert.deepEqual(first.itemDefaults?.editRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.deepEqual(later.itemDefaults?.editRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } });
    assert.equal(later.items, first.items, "the items made for Res are sent again");
    assert.ok(Object.isFrozen(first.items) && first.items.every((item) => Object.isFrozen(item) && !item.textEdit && !item.data));
    const restart = first.items.find((item) => item.label === "Restart");
    assert.equal(restart?.textEditText, "Restart=", "the key is completed with its =");
    assert.equal(restart?.command?.command, "editor.action.triggerSuggest");
    const resolved = await service.resolveCompletion({ ...restart!, data: first.itemDefaults?.data });
    assert.match(JSON.stringify(resolved.documentation), /restart/i, "resolve finds the directive from the list's data");
  });
});

describe("specifier completion", () => {
  it("shows what each specifier expands to in this file", async () => {
    const items = await complete("/etc/systemd/system/getty@tty1.service", "[Service]\nExecStart=/bin/echo %|", {});
    const expansion = (letter: string) => items.find((item) => item.label === `%${letter}`)?.labelDetails?.description;
    assert.equal(expansion("n"), "= getty@tty1.service");
    assert.equal(expansion("i"), "= tty1");
    assert.equal(expansion("t"), "= /run (for the system manager)");
    assert.match(expansion("h")!, /^= \/root \(.*User= does not change it\)$/);
  });
});

describe("path completion", () => {
  const listDirectory = createPathLister();

  it("offers the programs of a directory for ExecStart=, after its prefixes", async () => {
    const items = await complete("app.service", "[Service]\nExecStart=-/usr/bin/|", { listDirectory });
    assert.ok(labels(items).includes("env"), "env is in /usr/bin");
    const edit = items[0]!.textEdit as { range: { start: { character: number } } };
    assert.equal(edit.range.start.character, 20);
  });

  it("offers directories and files for path settings, but not for an argument of a command", async () => {
    assert.ok(labels(await complete("app.service", "[Service]\nEnvironmentFile=-/etc/def|", { listDirectory })).includes("default/"));
    assert.ok(labels(await complete("app.service", "[Service]\nWorkingDirectory=/|", { listDirectory })).includes("usr/"));
    assert.ok(!labels(await complete("app.service", "[Service]\nExecStart=/usr/bin/env /usr/|", { listDirectory })).includes("bin/"));
  });
});

describe("Documentation= completion", () => {
  it("offers the URI forms, then man pages including the programs of the unit", async () => {
    assert.deepEqual(labels(await complete("app.service", "[Unit]\nDocumentation=|")).slice(0, 2), ["man:", "https://"]);
    const pages = labels(await complete("app.service", "[Unit]\nDocumentation=man:|\n[Service]\nExecStart=/usr/sbin/sshd -D"));
    assert.equal(pages[0], "man:sshd");
    assert.ok(pages.includes("man:systemd.exec(5)"));
  });
});

describe("snippet completion", () => {
  it("offers the bundled snippets outside sections, as snippets, only when asked to", async () => {
    const items = await complete("app.service", "|", { snippets: bundledSnippets });
    const service = items.find((item) => item.label === "service")!;
    assert.equal(service.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(newText(service)!, /^\[Unit\]\nDescription=\$\{1:/);
    assert.ok(labels(items).includes("[Unit]"), "sections are still offered");
    assert.ok(!labels(await complete("app.service", "|", {})).includes("service"));
    assert.ok(!labels(await complete("app.service", "[Service]\n|", { snippets: bundledSnippets })).includes("service"));
  });
});
