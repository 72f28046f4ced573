// A user opens a file of each of the other line formats in code-server: it opens in its language
// mode, its words carry the format's TextMate scopes (as Developer: Inspect Editor Tokens and
// Scopes shows them), the suggest widget offers the format's words, a hover explains one, and the
// line its reader refuses is in the Problems panel. One row per format; one window for all.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

interface FormatRow {
  /** Under the workspace folder; the last part is what Quick Open is given. */
  path: string;
  /** The language mode the status bar shows. */
  mode: string;
  text: string;
  /** A word of the text and the scope it carries. */
  scope: [word: string, scope: string];
  /** Typed on a new last line, then the suggestion the widget must offer. */
  completion: [typed: string, label: string];
  /** A word of the text to hover, and what the hover says of it. */
  hover: [word: string, says: string];
  /** What the Problems panel says of the line the reader refuses, and that line. */
  problem: [says: string, line: number];
}

const ROWS: FormatRow[] = [
  {
    path: "sysusers.d/webapp-users.conf",
    mode: "sysusers.d",
    text: 'u webapp - "Web app" /var/lib/webapp\ng webadm 9999999999\n',
    scope: ["/var/lib/webapp", "string.unquoted.path.sysusers"],
    completion: ["r", "r"],
    hover: ["/var/lib/webapp", "home directory"],
    problem: ['cannot read the gid "9999999999"', 2],
  },
  {
    path: "hwdb.d/70-webapp.hwdb",
    mode: "hwdb",
    text: "evdev:input:b0003v05ACp*\n KEYBOARD_KEY_70039=leftctrl\n\nmouse:*\n novalue\n",
    scope: ["KEYBOARD_KEY_70039", "support.type.property-name.hwdb"],
    completion: ["sens", "sensor:"],
    hover: ["evdev:input:b0003v05ACp*", "input devices by bus"],
    problem: ["A property line is KEY=value", 5],
  },
  {
    path: "sysctl.d/50-webapp-sysctl.conf",
    mode: "sysctl.d",
    text: "net.core.somaxconn = 4096\nvm.swappiness 10\n",
    scope: ["net.core.somaxconn", "support.type.property-name.sysctl"],
    completion: ["vm.max", "vm.max_map_count"],
    hover: ["net.core.somaxconn", "waiting to be accepted"],
    problem: ["A line without = is no assignment", 2],
  },
  {
    path: "modules-load.d/webapp-modules.conf",
    mode: "modules-load.d",
    text: "# for the web app's bridge\nbr_netfilter\nbad module\n",
    scope: ["br_netfilter", "entity.name.module.modules-load"],
    completion: ["wire", "wireguard"],
    hover: ["br_netfilter", "bridged traffic"],
    problem: ["looks up the whole line as one module name", 3],
  },
  {
    path: "binfmt.d/webapp-binfmt.conf",
    mode: "binfmt.d",
    text: ":qemu-arm:M::\\x7fELF::/usr/bin/qemu-arm:F\n:bad:X::x::/bin/x:\n",
    scope: ["/usr/bin/qemu-arm", "string.unquoted.path.binfmt"],
    completion: [":arm:E", "E"],
    hover: ["/usr/bin/qemu-arm", "The program that runs a matching file"],
    problem: ["The type is M (magic bytes) or E (extension)", 2],
  },
  {
    path: "environment.d/50-webapp-env.conf",
    mode: "environment.d",
    text: "PATH=/opt/webapp/bin:${PATH}\n1BAD=x\n",
    scope: ["PATH", "variable.other.environment.environment-d"],
    completion: ["XDG_DA", "XDG_DATA_DIRS"],
    hover: ["PATH", "where programs are looked up"],
    problem: ['"1BAD" is not a variable name', 2],
  },
  {
    path: "system-preset/50-webapp.preset",
    mode: "systemd preset",
    text: "enable webapp.service\nenabel other.service\n",
    scope: ["enable", "keyword.control.preset"],
    completion: ["dis", "disable"],
    hover: ["enable", "enable the units the pattern matches"],
    problem: ['cannot parse "enabel"', 2],
  },
  {
    path: "etc/os-release",
    mode: "os-release",
    text: 'NAME="Webapp OS"\nID=webapp\nHOME_URL=notaurl\n',
    scope: ["NAME", "variable.other.key.os-release"],
    completion: ["PRETTY", "PRETTY_NAME"],
    hover: ["ID", "identifier"],
    problem: ['"notaurl" is not one', 3],
  },
];

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench(Object.fromEntries(ROWS.map((row) => [row.path, row.text])));
});

after(async () => {
  await session?.close();
});

describe("the other line formats in VS Code", () => {
  for (const row of ROWS) {
    const name = row.path.slice(row.path.lastIndexOf("/") + 1);
    test(`${row.mode}: its language mode, scopes, completion, hover and the line its reader refuses`, { timeout: 5 * 60_000 }, async () => {
      assert.ok(session);
      const { page, workbench } = session;
      await session.step(`more-line-formats-${row.mode.replace(/\W+/g, "-")}`, async () => {
        const editor = await workbench.openFile(name, row.mode);

        const [word, scope] = row.scope;
        const inspected = await workbench.tokenScopes(editor, word, scope);
        assert.ok(inspected.includes(scope), `${word}: ${inspected}`);

        const rows = await workbench.problems(name);
        const problem = rows.filter({ hasText: row.problem[0] }).first();
        await problem.waitFor({ timeout: 30_000 });
        assert.match(await problem.innerText(), new RegExp(`\\[Ln ${row.problem[1]}, Col`));

        await workbench.hover(editor, row.hover[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), row.hover[1]);
        await page.keyboard.press("Escape");

        const [typed, label] = row.completion;
        await workbench.typeAtEnd(editor, typed);
        await page.keyboard.press("Control+Space");
        await workbench.suggestion(label);
        await workbench.screenshot(`more-line-formats-${row.mode.replace(/\W+/g, "-")}`);
        await page.keyboard.press("Escape");
      });
    });
  }
});
