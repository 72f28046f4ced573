import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { semanticTokensLegend, type UnitLanguageSettings } from "../../src/language/languageService";
import { atCursor, testService } from "../service";
import { sampleCatalog } from "./fixtures";

async function hoverText(path: string, text: string): Promise<string | undefined> {
  const { document, position } = atCursor(path, text);
  const result = await testService({ units: async () => sampleCatalog() }).hover(document, position);
  return result ? (result.contents as { value: string }).value : undefined;
}

describe("hover on unit names and specifiers", () => {
  const cases: [what: string, path: string, text: string, expected: RegExp][] = [
    [
      "an installed unit",
      "app.service",
      "[Unit]\nAfter=ss|h.service\n",
      /\*\*ssh\.service\*\*\n\nOpenBSD Secure Shell server\n\nInstalled: `\/lib\/systemd\/system\/ssh\.service`/,
    ],
    ["a workspace unit", "app.socket", "[Socket]\nService=we|b.service\n", /In the workspace: `\/repo\/units\/web\.service`/],
    ["an instance of a template", "app.service", "[Unit]\nWants=getty@tt|y1.service\n", /An instance of the template `getty@\.service`/],
    ["a special unit", "app.service", "[Unit]\nAfter=network-online.tar|get\n", /systemd\.special\(7\)/],
    ["a masked unit", "app.service", "[Unit]\nConflicts=old.ser|vice\n", /masked/],
    ["an unknown unit", "app.service", "[Unit]\nAfter=nope.ser|vice\n", /No unit of this name is known/],
    ["a specifier, expanded", "/etc/systemd/system/web@blue.service", "[Service]\nExecStart=/bin/echo %|i\n", /In this file: = blue/],
  ];
  for (const [what, path, text, expected] of cases) it(what, async () => assert.match((await hoverText(path, text)) ?? "", expected));
});

describe("inlay hints", () => {
  const hintsOf = async (path: string, text: string, options: Partial<UnitLanguageSettings["inlayHints"]>) => {
    const { document } = atCursor(path, `${text}|`);
    const range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    const service = testService({}, { inlayHints: { specifiers: false, timeSpans: false, calendarElapses: false, ...options } });
    return (await service.inlayHints(document, range)).map((hint) => [hint.position.line, hint.position.character, hint.label]);
  };
  const text = "[Service]\nTimeoutStartSec=90\nRuntimeMaxSec=1h\nRestartSec=500ms 2s\nExecStart=/bin/echo %n %%\n";

  it("normalises time spans that systemd would print differently", async () => {
    assert.deepEqual(await hintsOf("/etc/systemd/system/web.service", text, { timeSpans: true }), [
      [1, 18, "= 1min 30s"],
      [3, 19, "= 2.500000s"],
    ]);
  });

  it("shows specifier expansions after each specifier", async () => {
    assert.deepEqual(await hintsOf("/etc/systemd/system/web.service", text, { specifiers: true }), [[4, 22, "=web.service"]]);
  });

  it("shows nothing unless enabled", async () => assert.deepEqual(await hintsOf("web.service", text, {}), []));
});

describe("semantic tokens", () => {
  const decode = (path: string, text: string) => {
    const { document } = atCursor(path, `${text}|`);
    const data = testService().semanticTokens(document).data;
    const tokens: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
      const type = semanticTokensLegend.tokenTypes[data[i + 3]!];
      const modifiers = semanticTokensLegend.tokenModifiers.filter((_, bit) => data[i + 4]! & (1 << bit));
      const source = text.split("\n")[line]!.slice(character, character + data[i + 2]!);
      tokens.push([source, type, ...modifiers].join(" "));
    }
    return tokens;
  };

  it("tells known, unknown and deprecated directives, specifiers, sections and unit names apart", async () => {
    const text = "[Unit]\nAfter=a.service b.target\n[Service]\nMemoryLimit=1G\nExecStrat=/bin/echo %n %z\n[Bogus]\n";
    assert.deepEqual(decode("web.service", text), [
      "Unit namespace",
      "After property",
      "a.service type",
      "b.target type",
      "Service namespace",
      "MemoryLimit property deprecated",
      "ExecStrat property unknown",
      "%n macro",
      "%z macro unknown",
      "Bogus namespace unknown",
    ]);
  });
});
