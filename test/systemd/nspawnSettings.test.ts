// systemd-nspawn as the judge of .nspawn files: it reads a settings file beside the directory it
// is given, says what it ignores on which line, and then refuses the empty directory, so nothing
// boots. The lines it names must be the lines Unitsmith reports, no more and no fewer.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { computeDiagnostics } from "../../server/src/language/diagnostics";
import { parseUnitFile } from "../../server/src/language/parser";
import { unitKind } from "../../server/src/language/unitKind";

const scratch = mkdtempSync(join(tmpdir(), "unitsmith-nspawn-settings-"));
const version = Number(/systemd (\d+)/.exec(execFileSync("systemctl", ["--version"], { encoding: "utf8", timeout: 10_000 }))![1]);

/** The lines systemd-nspawn reports as ignored in `text`, read as the settings of an empty machine. */
function nspawnComplaints(name: string, text: string): number[] {
  const root = join(scratch, name);
  mkdirSync(root, { recursive: true });
  const settings = `${root}.nspawn`;
  writeFileSync(settings, text);
  const run = spawnSync("systemd-nspawn", ["--quiet", "--settings=trusted", "--directory", root, "--machine", name, "/bin/true"], {
    encoding: "utf8",
    timeout: 30_000,
  });
  assert.match(
    run.stderr,
    /doesn't look like it has an OS tree|Refusing/,
    `systemd-nspawn went further than reading settings:\n${run.stderr}`,
  );
  const lines = [...run.stderr.matchAll(new RegExp(`^${settings.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+): `, "gm"))].map((m) =>
    Number(m[1]),
  );
  return [...new Set(lines)].sort((a, b) => a - b);
}

function ourFindings(name: string, text: string): number[] {
  const path = `/etc/systemd/nspawn/${name}.nspawn`;
  const lines = computeDiagnostics(parseUnitFile(text), unitKind(path), { target: { version } }).map((d) => d.range.start.line + 1);
  return [...new Set(lines)].sort((a, b) => a - b);
}

const CASES: Record<string, string> = {
  clean:
    "[Exec]\nBoot=yes\nKillSignal=SIGRTMIN+3\nEnvironment=A=1\n\n[Files]\nReadOnly=yes\n\n[Network]\nPrivate=yes\nVirtualEthernet=yes\n",
  typos: "[Exec]\nBoot=yes\nBot=no\nKillSignal=SIGNOPE\n\n[Network]\nVirtualEthernet=maybe\nPrivate=yes\n",
  sections: "[Exec]\nBoot=no\n\n[Bogus]\nX=1\n\n[Files]\nReadOnly=sometimes\n",
  fixture: readFileSync(join(__dirname, "../../server/test/configFiles/fixtures/etc/systemd/nspawn/build.nspawn"), "utf8"),
};

describe(`.nspawn files as systemd-nspawn ${version} reads them`, () => {
  after(() => rmSync(scratch, { recursive: true, force: true }));

  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: the lines systemd-nspawn ignores are the lines Unitsmith reports`, () => {
      assert.deepEqual(ourFindings(name, text), nspawnComplaints(name, text));
    });
  }

  it("the typos case has something to find", () => {
    assert.ok(nspawnComplaints("typos2", CASES.typos!).length >= 3);
  });
});
