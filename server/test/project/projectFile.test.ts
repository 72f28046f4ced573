import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { UnitLanguageSettings } from "../../src/language/languageService";
import { documentOf, testService } from "../service";

/** A service whose host holds `files` (absolute path → text) and nothing else. */
function serviceWith(files: Record<string, string>, settings: Partial<UnitLanguageSettings> = {}) {
  const read: string[] = [];
  const service = testService(
    {
      readFile: async (path) => {
        read.push(path);
        return files[path];
      },
    },
    settings,
  );
  return { service, read };
}

const codes = async (service: ReturnType<typeof serviceWith>["service"], path: string, text: string) =>
  (await service.diagnostics(documentOf(path, text))).map((d) => `${String(d.code)}:${d.severity}`);

const DUPLICATE = "[Service]\nExecStart=/usr/bin/web\nRestart=always\nRestart=on-failure\n";

describe("the project file", () => {
  it("is found by walking up from the file, the nearest one winning, and read through the host", async () => {
    const { service, read } = serviceWith({
      "/repo/.unitsmith.json": JSON.stringify({ rules: { "duplicate-directive": "error" } }),
      "/repo/units/legacy/.unitsmith.json": JSON.stringify({ rules: { "duplicate-directive": "ignore" } }),
    });
    assert.deepEqual(await codes(service, "/repo/units/web/web.service", DUPLICATE), ["duplicate-directive:1"]);
    assert.deepEqual(read, ["/repo/units/web/.unitsmith.json", "/repo/units/.unitsmith.json", "/repo/.unitsmith.json"]);
    assert.deepEqual(await codes(service, "/repo/units/legacy/old.service", DUPLICATE), []);
    assert.deepEqual(await codes(service, "/elsewhere/web.service", DUPLICATE), ["duplicate-directive:2"]);
  });

  it("ignores files and applies overrides by path, later ones winning", async () => {
    const { service } = serviceWith({
      "/repo/.unitsmith.json": JSON.stringify({
        ignore: ["vendor/**", "*.generated.service"],
        rules: { "duplicate-directive": "info" },
        overrides: [
          { files: ["user/**"], rules: { "duplicate-directive": "hint" } },
          { files: ["user/strict/*.service"], profile: "strict" },
        ],
      }),
    });
    assert.deepEqual(await codes(service, "/repo/vendor/x/web.service", "[Service]\nFoo=1\n"), []);
    assert.deepEqual(await codes(service, "/repo/a/b.generated.service", "[Service]\nFoo=1\n"), []);
    assert.deepEqual(await codes(service, "/repo/web.service", DUPLICATE), ["duplicate-directive:3"]);
    assert.deepEqual(await codes(service, "/repo/user/web.service", DUPLICATE), ["duplicate-directive:4"]);
    assert.deepEqual(await codes(service, "/repo/user/strict/web.service", DUPLICATE), ["duplicate-directive:1"]);
  });

  it("profiles: minimal keeps only the errors, strict makes warnings errors and shows hints as warnings", async () => {
    const text = "[Service]\nType=forking\nExecStart=/usr/sbin/d\nExecStrat=/x\nRestart=always\nRestart=no\n";
    const profiled = (profile: string) => serviceWith({ "/p/.unitsmith.json": JSON.stringify({ profile }) }).service;
    assert.deepEqual(await codes(profiled("default"), "/p/d.service", text), [
      "forking-without-pid-file:4",
      "unknown-directive:1",
      "duplicate-directive:2",
    ]);
    assert.deepEqual(await codes(profiled("minimal"), "/p/d.service", text), ["unknown-directive:1"]);
    assert.deepEqual(await codes(profiled("strict"), "/p/d.service", text), [
      "forking-without-pid-file:2",
      "unknown-directive:1",
      "duplicate-directive:1",
    ]);
  });

  it("targets the oldest of several systemd versions", async () => {
    const { service } = serviceWith({ "/p/.unitsmith.json": JSON.stringify({ systemdVersion: [256, 252] }) });
    const text = "[Service]\nExecStart=/usr/bin/web\nOpenFile=/etc/web/key\n";
    assert.deepEqual(await codes(service, "/p/web.service", text), ["newer-directive:2"]);
  });

  it("precedence: editor settings, then the project file, then the command line's flags", async () => {
    const files = { "/p/.unitsmith.json": JSON.stringify({ rules: { "duplicate-directive": "error" }, systemdVersion: 252 }) };
    const editor: Partial<UnitLanguageSettings> = { severities: { "duplicate-directive": "hint", "forking-without-pid-file": "error" } };
    const text = `${DUPLICATE}OpenFile=/etc/web/key\n`;
    // The project file wins for the rules it names; the editor's other settings stay.
    assert.deepEqual(await codes(serviceWith(files, editor).service, "/p/web.service", `${text}Type=forking\n`), [
      "duplicate-directive:1",
      "newer-directive:2",
      "forking-without-pid-file:1",
    ]);
    // Flags win over the project file.
    const flagged = serviceWith(files, { ...editor, lintFlags: { profile: "minimal", target: { version: 260 } } }).service;
    assert.deepEqual(await codes(flagged, "/p/web.service", text), []);
  });

  it("a project file that cannot be read as one is reported once, with why, and not applied", async () => {
    const bad = (text: string) => serviceWith({ "/p/.unitsmith.json": text }).service;
    const cases: [string, RegExp][] = [
      ["{ rules: }", /is not valid JSON/],
      [JSON.stringify({ rules: { "duplicate-directiv": "error" } }), /"duplicate-directiv" is no rule of Unitsmith/],
      [
        JSON.stringify({ profile: "loud", overrides: [{ rules: {} }] }),
        /"profile" must be one of minimal, default, strict; overrides\[0\]: "files" must be/,
      ],
      [JSON.stringify({ systemdVersion: "252" }), /"systemdVersion" must be a version such as 252/],
    ];
    for (const [text, why] of cases) {
      const diagnostics = await bad(text).diagnostics(documentOf("/p/web.service", DUPLICATE));
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ["invalid-project-file", "duplicate-directive"],
        text,
      );
      assert.match(String(diagnostics[0]!.message), /^The project file \/p\/\.unitsmith\.json is not applied: /);
      assert.match(String(diagnostics[0]!.message), why);
    }
  });
});
