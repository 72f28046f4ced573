import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { staticCatalog } from "../../src/language/unitCatalog";
import { documentOf, testService } from "../service";

const catalog = staticCatalog([
  { name: "db.service", origin: "workspace", path: "/srv/units/db.service" },
  { name: "getty@.service", origin: "installed", path: "/lib/systemd/system/getty@.service" },
  { name: "multi-user.target", origin: "special" },
]);

/** `line:code` of the cross-file findings in a unit at `path`. */
async function findings(path: string, text: string): Promise<string[]> {
  const diagnostics = await testService({ units: async () => catalog }).diagnostics(documentOf(path, text));
  return diagnostics
    .filter((d) => d.code === "unit-not-found" || d.code === "requires-and-conflicts")
    .map((d) => `${d.range.start.line + 1}:${String(d.code)}:${(d.message as string).split(" ")[2]}`);
}

describe("rules about other units", () => {
  it("finds a dependency named nowhere, and says what systemd then does", async () => {
    const text =
      "[Unit]\nWants=db.service cache.service getty@tty1.service\nRequires=queue.service\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target graphical-extra.target\n";
    assert.deepEqual(await findings("/srv/units/web.service", text), [
      "2:unit-not-found:cache.service",
      "3:unit-not-found:queue.service",
      "7:unit-not-found:graphical-extra.target",
    ]);
    const diagnostics = await testService({ units: async () => catalog }).diagnostics(documentOf("/srv/units/web.service", text));
    const messages = diagnostics.filter((d) => d.code === "unit-not-found").map((d) => d.message as string);
    assert.match(messages[0]!, /systemd then goes on without it/);
    assert.match(messages[1]!, /starting this unit then fails/);
    assert.match(messages[2]!, /enabling this unit then does not hook it in there/);
  });

  it("does not judge names with specifiers, units systemd makes without files, or ordering", async () => {
    const text =
      "[Unit]\nWants=worker@%i.service dev-sda.device srv.mount user-1000.slice\nAfter=nothing-here.service\n[Service]\nExecStart=/bin/true\n";
    assert.deepEqual(await findings("/srv/units/web.service", text), []);
  });

  it("finds a unit both pulled in and in Conflicts=", async () => {
    const text = "[Unit]\nRequires=db.service\nConflicts=db.service getty@tty1.service\n[Service]\nExecStart=/bin/true\n";
    assert.deepEqual(await findings("/srv/units/maintenance.service", text), ["3:requires-and-conflicts:pulled"]);
  });

  it("finds an ordering loop through the unit across other units' After= and Before=", async () => {
    const files: Record<string, string> = {
      "/srv/units/db.service": "[Unit]\nAfter=cache.service\n[Service]\nExecStart=/bin/true\n",
      "/srv/units/cache.service": "[Unit]\nDescription=cache\n[Service]\nExecStart=/bin/true\n",
      "/srv/units/queue.service": "[Unit]\nBefore=cache.service\n[Service]\nExecStart=/bin/true\n",
    };
    const units = staticCatalog(Object.keys(files).map((path) => ({ name: path.split("/").pop()!, origin: "workspace" as const, path })));
    const service = testService({ units: async () => units, readFile: async (path) => files[path] });
    const loop = "[Unit]\nAfter=db.service\nBefore=queue.service\n[Service]\nExecStart=/bin/true\n";
    const found = (await service.diagnostics(documentOf("/srv/units/cache.service", loop))).filter((d) => d.code === "ordering-cycle");
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.message]),
      [
        [
          1,
          "An ordering loop: cache.service starts after db.service starts after cache.service. systemd breaks it at boot by dropping one of the jobs, so some unit of the loop may not start; remove one After= or Before= of it.",
        ],
      ],
    );
    const none = await service.diagnostics(documentOf("/srv/units/cache.service", files["/srv/units/cache.service"]!));
    assert.deepEqual(
      none.filter((d) => d.code === "ordering-cycle"),
      [],
      "the edited text counts, not the copy on disk",
    );
  });

  it("offers to create the missing unit beside the file, as a skeleton of its type", async () => {
    const service = testService({ units: async () => catalog });
    const document = documentOf("/srv/units/web.service", "[Unit]\nWants=cache.service\n[Service]\nExecStart=/bin/true\n");
    const diagnostics = (await service.diagnostics(document)).filter((d) => d.code === "unit-not-found");
    const [action] = service.codeActions(document, { diagnostics: JSON.parse(JSON.stringify(diagnostics)) });
    assert.equal(action?.title, "Create cache.service beside this file");
    assert.deepEqual(action?.edit?.documentChanges?.[0], {
      kind: "create",
      uri: "file:///srv/units/cache.service",
      options: { ignoreIfExists: true },
    });
    const written = (action?.edit?.documentChanges?.[1] as { edits: { newText: string }[] }).edits[0]!.newText;
    assert.match(written, /^\[Unit\]\nDescription=cache\n\n\[Service\]\n# The command to run.*\nExecStart=\n$/);
  });
});
