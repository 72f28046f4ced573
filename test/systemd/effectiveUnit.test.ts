// The effective unit Unitsmith computes offline, against what a real systemd loads: each scenario
// writes unit files and drop-ins into the container and, at the same paths below a scratch
// directory, on this machine; the service reads the scratch copy and `systemctl show` answers
// for the container. Every property a scenario sets must agree.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Scope } from "../../server/src/language/unitKind";
import { createUnitLanguageService, type EffectiveUnit } from "../../server/src/language/languageService";
import { createManPageLibrary } from "../../server/src/systemd/manPages";
import { createNodeHost } from "../../server/src/workspace/nodeHost";
import { unitSearchPaths } from "../../server/src/workspace/searchPaths";
import { bootContainer, type Container } from "./harness/container";

const bootTimeout = 15 * 60_000;
const USER = "effective";

/** A file's text, or null for a link to /dev/null (masking). */
type Files = Record<string, string | null>;

interface Scenario {
  what: string;
  unit: string;
  scope: Scope;
  files: Files;
  /** The properties to compare; each is a directive of the same name. */
  properties: string[];
}

const SYS = "/etc/systemd/system";
const LIB = "/usr/lib/systemd/system";
const RUN = "/run/systemd/system";
const HOME = `/home/${USER}/.config/systemd/user`;
const USR = "/usr/lib/systemd/user";
const ETCU = "/etc/systemd/user";

const service = (...lines: string[]) => `[Unit]\nDescription=base\n[Service]\nType=oneshot\nExecStart=/bin/true\n${lines.join("\n")}\n`;
const conf = (section: string, ...lines: string[]) => `[${section}]\n${lines.join("\n")}\n`;
const P = ["Description", "Environment", "Nice", "Restart", "WorkingDirectory", "SyslogIdentifier", "Documentation", "RemainAfterExit"];

const scenarios: Scenario[] = [
  { what: "a unit alone", unit: "e01.service", scope: "system", files: { [`${SYS}/e01.service`]: service("Nice=3") }, properties: P },
  {
    what: "/etc over /usr/lib",
    unit: "e02.service",
    scope: "system",
    files: { [`${LIB}/e02.service`]: service("Nice=1"), [`${SYS}/e02.service`]: service("Nice=2") },
    properties: P,
  },
  {
    what: "/run over /usr/lib",
    unit: "e03.service",
    scope: "system",
    files: { [`${LIB}/e03.service`]: service("Nice=1"), [`${RUN}/e03.service`]: service("Nice=4") },
    properties: P,
  },
  {
    what: "/etc over /run",
    unit: "e04.service",
    scope: "system",
    files: { [`${RUN}/e04.service`]: service("Nice=4"), [`${SYS}/e04.service`]: service("Nice=6") },
    properties: P,
  },
  {
    what: "a drop-in replaces a single value",
    unit: "e05.service",
    scope: "system",
    files: { [`${SYS}/e05.service`]: service("Nice=1"), [`${SYS}/e05.service.d/override.conf`]: conf("Service", "Nice=7") },
    properties: P,
  },
  {
    what: "a drop-in adds to a list",
    unit: "e06.service",
    scope: "system",
    files: { [`${SYS}/e06.service`]: service("Environment=A=1"), [`${SYS}/e06.service.d/more.conf`]: conf("Service", "Environment=B=2") },
    properties: P,
  },
  {
    what: "an empty assignment resets a list",
    unit: "e07.service",
    scope: "system",
    files: {
      [`${SYS}/e07.service`]: service("Environment=A=1 C=3"),
      [`${SYS}/e07.service.d/reset.conf`]: conf("Service", "Environment=", "Environment=B=2"),
    },
    properties: P,
  },
  {
    what: "an empty assignment returns a single value to its default",
    unit: "e08.service",
    scope: "system",
    files: { [`${SYS}/e08.service`]: service("Nice=5"), [`${SYS}/e08.service.d/reset.conf`]: conf("Service", "Nice=") },
    properties: P,
  },
  {
    what: "drop-ins apply in lexical order",
    unit: "e09.service",
    scope: "system",
    files: {
      [`${SYS}/e09.service`]: service(),
      [`${SYS}/e09.service.d/20-b.conf`]: conf("Service", "Nice=2"),
      [`${SYS}/e09.service.d/10-a.conf`]: conf("Service", "Nice=1"),
    },
    properties: P,
  },
  {
    what: "lexical order across directories",
    unit: "e10.service",
    scope: "system",
    files: {
      [`${LIB}/e10.service`]: service(),
      [`${LIB}/e10.service.d/30-lib.conf`]: conf("Service", "Nice=3"),
      [`${SYS}/e10.service.d/20-etc.conf`]: conf("Service", "Nice=2"),
    },
    properties: P,
  },
  {
    what: "a drop-in in /etc hides the one of the same name in /usr/lib",
    unit: "e11.service",
    scope: "system",
    files: {
      [`${LIB}/e11.service`]: service(),
      [`${LIB}/e11.service.d/10-x.conf`]: conf("Service", "Nice=3", "Environment=LIB=1"),
      [`${SYS}/e11.service.d/10-x.conf`]: conf("Service", "Nice=4"),
    },
    properties: P,
  },
  {
    what: "a drop-in linked to /dev/null masks the one below it",
    unit: "e12.service",
    scope: "system",
    files: {
      [`${LIB}/e12.service`]: service(),
      [`${LIB}/e12.service.d/10-x.conf`]: conf("Service", "Nice=3"),
      [`${SYS}/e12.service.d/10-x.conf`]: null,
    },
    properties: P,
  },
  {
    what: "the type directory service.d",
    unit: "e13.service",
    scope: "system",
    files: { [`${SYS}/e13.service`]: service(), [`${SYS}/service.d/50-e13-test.conf`]: conf("Service", "SyslogIdentifier=typewide") },
    properties: P,
  },
  {
    what: "a unit's own drop-in over the type directory's, by name",
    unit: "e14.service",
    scope: "system",
    files: {
      [`${SYS}/e14.service`]: service(),
      [`${SYS}/service.d/60-e14.conf`]: conf("Service", "RemainAfterExit=yes"),
      [`${SYS}/e14.service.d/70-own.conf`]: conf("Service", "RemainAfterExit=no"),
    },
    properties: P,
  },
  {
    what: "a dash prefix directory",
    unit: "e15-web.service",
    scope: "system",
    files: { [`${SYS}/e15-web.service`]: service(), [`${SYS}/e15-.service.d/10-prefix.conf`]: conf("Service", "Nice=9") },
    properties: P,
  },
  {
    what: "nested dash prefixes, the more specific later by name",
    unit: "e16-a-b.service",
    scope: "system",
    files: {
      [`${SYS}/e16-a-b.service`]: service(),
      [`${SYS}/e16-.service.d/10-outer.conf`]: conf("Service", "Nice=1", "Environment=OUTER=1"),
      [`${SYS}/e16-a-.service.d/20-inner.conf`]: conf("Service", "Nice=2", "Environment=INNER=1"),
    },
    properties: P,
  },
  {
    what: "an instance reads its template",
    unit: "e17@blue.service",
    scope: "system",
    files: { [`${SYS}/e17@.service`]: service("SyslogIdentifier=from-template") },
    properties: P,
  },
  {
    what: "an instance reads the template's drop-ins",
    unit: "e18@blue.service",
    scope: "system",
    files: { [`${SYS}/e18@.service`]: service(), [`${SYS}/e18@.service.d/10-t.conf`]: conf("Service", "Nice=4") },
    properties: P,
  },
  {
    what: "an instance's own drop-in after the template's",
    unit: "e19@blue.service",
    scope: "system",
    files: {
      [`${SYS}/e19@.service`]: service(),
      [`${SYS}/e19@.service.d/10-t.conf`]: conf("Service", "Nice=4"),
      [`${SYS}/e19@blue.service.d/20-i.conf`]: conf("Service", "Nice=8"),
    },
    properties: P,
  },
  {
    what: "a drop-in for another instance does not apply",
    unit: "e20@blue.service",
    scope: "system",
    files: { [`${SYS}/e20@.service`]: service("Nice=1"), [`${SYS}/e20@red.service.d/10-i.conf`]: conf("Service", "Nice=8") },
    properties: P,
  },
  {
    what: "a dashed template's prefix directory",
    unit: "e21-x@blue.service",
    scope: "system",
    files: { [`${SYS}/e21-x@.service`]: service(), [`${SYS}/e21-.service.d/10-p.conf`]: conf("Service", "Nice=6") },
    properties: P,
  },
  {
    what: "a [Unit] drop-in changes the description and adds documentation",
    unit: "e22.service",
    scope: "system",
    files: {
      [`${SYS}/e22.service`]: "[Unit]\nDescription=first\nDocumentation=man:a(1)\n[Service]\nExecStart=/bin/true\n",
      [`${SYS}/e22.service.d/10-doc.conf`]: conf("Unit", "Description=second", "Documentation=man:b(1)"),
    },
    properties: P,
  },
  {
    what: "documentation reset by a drop-in",
    unit: "e23.service",
    scope: "system",
    files: {
      [`${SYS}/e23.service`]: "[Unit]\nDocumentation=man:a(1) man:c(1)\n[Service]\nExecStart=/bin/true\n",
      [`${SYS}/e23.service.d/10-doc.conf`]: conf("Unit", "Documentation=", "Documentation=man:b(1)"),
    },
    properties: P,
  },
  {
    what: "several settings over three drop-ins",
    unit: "e24.service",
    scope: "system",
    files: {
      [`${LIB}/e24.service`]: service("Restart=no", "WorkingDirectory=/tmp"),
      [`${LIB}/e24.service.d/10-a.conf`]: conf("Service", "Restart=on-failure", "Environment=X=1"),
      [`${RUN}/e24.service.d/20-b.conf`]: conf("Service", "WorkingDirectory=/var", "Environment=Y=2"),
      [`${SYS}/e24.service.d/30-c.conf`]: conf("Service", "Restart=on-abnormal", "Environment=", "Environment=Z=3"),
    },
    properties: P,
  },
  {
    what: "a user unit in the home directory",
    unit: "e25.service",
    scope: "user",
    files: { [`${HOME}/e25.service`]: service("Nice=5") },
    properties: P,
  },
  {
    what: "a user unit in the home over /usr/lib",
    unit: "e26.service",
    scope: "user",
    files: { [`${USR}/e26.service`]: service("Nice=1"), [`${HOME}/e26.service`]: service("Nice=2") },
    properties: P,
  },
  {
    what: "a user unit in /etc/systemd/user with a drop-in in the home",
    unit: "e27.service",
    scope: "user",
    files: { [`${ETCU}/e27.service`]: service("Nice=1"), [`${HOME}/e27.service.d/10-me.conf`]: conf("Service", "Nice=3") },
    properties: P,
  },
  {
    what: "a user unit's drop-ins from /usr/lib and the home",
    unit: "e28.service",
    scope: "user",
    files: {
      [`${USR}/e28.service`]: service("Environment=A=1"),
      [`${USR}/e28.service.d/10-lib.conf`]: conf("Service", "Environment=B=2"),
      [`${HOME}/e28.service.d/20-home.conf`]: conf("Service", "Environment=C=3"),
    },
    properties: P,
  },
  {
    what: "a user template instance with the type directory",
    unit: "e29@one.service",
    scope: "user",
    files: { [`${HOME}/e29@.service`]: service(), [`${HOME}/service.d/50-e29.conf`]: conf("Service", "SyslogIdentifier=user-typewide") },
    properties: P,
  },
  {
    what: "a socket unit and its drop-in",
    unit: "e30.socket",
    scope: "system",
    files: {
      [`${SYS}/e30.socket`]: "[Unit]\nDescription=sock\n[Socket]\nListenStream=/run/e30.sock\nBacklog=8\n",
      [`${SYS}/e30.socket.d/10-b.conf`]: conf("Socket", "Backlog=16"),
    },
    properties: ["Description", "Backlog"],
  },
  {
    what: "a timer and its drop-in",
    unit: "e31.timer",
    scope: "system",
    files: {
      [`${SYS}/e31.timer`]: "[Unit]\nDescription=tick\n[Timer]\nOnCalendar=daily\nPersistent=false\n",
      [`${SYS}/e31.timer.d/10-p.conf`]: conf("Timer", "Persistent=true", "Unit=e31.service"),
    },
    properties: ["Description", "Persistent", "Unit"],
  },
];

/** What systemctl show prints for a list: space-separated words, some quoted. */
const words = (value: string) => (value.match(/"[^"]*"|\S+/g) ?? []).map((word) => word.replace(/^"|"$/g, ""));

/** The value of a directive once every file is read, as systemctl show would print it. */
function computedValue(effective: EffectiveUnit, directive: string): string {
  const entries = effective.entries.filter((entry) => entry.key === directive);
  if (directive === "Environment" || directive === "Documentation") return entries.flatMap((entry) => words(entry.value)).join(" ");
  return entries.at(-1)?.value ?? "";
}

/** systemd's defaults for the properties the scenarios compare, where a unit leaves them unset. */
function defaultOf(property: string, scenario: Scenario): string {
  const defaults: Record<string, string> = {
    Description: scenario.unit,
    Nice: "0",
    Restart: "no",
    RemainAfterExit: "no",
    Persistent: "no",
    Backlog: "4096",
    // The user manager starts services in the home directory, if it exists ("!").
    WorkingDirectory: scenario.scope === "user" ? `!/home/${USER}` : "",
  };
  return defaults[property] ?? "";
}

/** A value as systemctl show prints it: booleans as yes/no, an unset one as its default. */
function normalised(property: string, value: string, scenario: Scenario): string {
  if (value === "") return defaultOf(property, scenario);
  if (/^(true|on|1)$/.test(value) && property !== "Nice") return "yes";
  if (/^(false|off|0)$/.test(value) && property !== "Nice") return "no";
  return value;
}

describe("the effective unit against systemctl show, in a real systemd", () => {
  let container: Container;
  let scratch: string;
  let uid: number;

  before(
    async () => {
      container = await bootContainer({ name: "effective" });
      uid = (await container.addUser(USER)).uid;
      scratch = mkdtempSync(join(tmpdir(), "unitsmith-effective-"));
      for (const scenario of scenarios) {
        for (const [path, text] of Object.entries(scenario.files)) {
          const user = path.startsWith("/home/") ? { user: USER } : {};
          if (text === null) {
            assert.equal((await container.run(["mkdir", "-p", "--", dirname(path)], user)).code, 0);
            assert.equal((await container.run(["ln", "-sf", "/dev/null", path], user)).code, 0);
          } else await container.writeFile(path, text, user);
          mkdirSync(dirname(join(scratch, path)), { recursive: true });
          if (text === null) symlinkSync("/dev/null", join(scratch, path));
          else writeFileSync(join(scratch, path), text);
        }
      }
      assert.equal((await container.run(["systemctl", "daemon-reload"])).code, 0);
      assert.equal((await container.run(["systemctl", "--user", "daemon-reload"], { user: USER })).code, 0);
    },
    { timeout: bootTimeout },
  );

  after(async () => {
    await container?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test(`covers at least 30 scenarios (${scenarios.length})`, () => assert.ok(scenarios.length >= 30));

  for (const scenario of scenarios) {
    test(scenario.what, { timeout: 60_000 }, async () => {
      const env = { HOME: `/home/${USER}`, XDG_RUNTIME_DIR: `/run/user/${uid}`, XDG_CONFIG_DIRS: "", XDG_DATA_DIRS: "" };
      const host = createNodeHost(createManPageLibrary(), {
        searchPaths: (scope) => unitSearchPaths(scope, env).map((path) => join(scratch, path)),
      });
      const effective = await createUnitLanguageService(host).installedUnit(scenario.unit, scenario.scope);
      const shown = await container.run(
        ["systemctl", ...(scenario.scope === "user" ? ["--user"] : []), "show", "-p", scenario.properties.join(","), "--", scenario.unit],
        scenario.scope === "user" ? { user: USER } : {},
      );
      assert.equal(shown.code, 0, shown.stderr);
      const actual = Object.fromEntries(
        shown.stdout
          .trim()
          .split("\n")
          .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
      );
      for (const property of scenario.properties) {
        const raw = actual[property] ?? "";
        const systemd = property === "Environment" || property === "Documentation" ? words(raw).join(" ") : raw;
        assert.equal(
          normalised(property, computedValue(effective, property), scenario),
          systemd,
          `${property} (${JSON.stringify(effective.dropIns)})`,
        );
      }
    });
  }
});
