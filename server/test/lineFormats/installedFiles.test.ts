// Every file of a line format installed on this machine, linted: the only findings are the reviewed ones below.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { LINE_FORMAT_LANGUAGES, lineFormatLanguageOf } from "../../src/protocol/lineFormatLanguages";
import { createPathLister } from "../../src/workspace/fileSystemProbes";
import { documentOf, testService } from "../service";
import { installedSystemdVersion } from "./oracle";

/** Where systemd, udev and the OS keep files of these formats. */
const PLACES = [
  "/usr/lib/tmpfiles.d",
  "/etc/tmpfiles.d",
  "/run/tmpfiles.d",
  "/usr/lib/sysusers.d",
  "/etc/sysusers.d",
  "/usr/lib/udev/rules.d",
  "/etc/udev/rules.d",
  "/usr/lib/udev/hwdb.d",
  "/etc/udev/hwdb.d",
  "/usr/lib/sysctl.d",
  "/etc/sysctl.d",
  "/etc/sysctl.conf",
  "/usr/lib/modules-load.d",
  "/etc/modules-load.d",
  "/usr/lib/binfmt.d",
  "/etc/binfmt.d",
  "/usr/lib/environment.d",
  "/etc/environment.d",
  "/usr/lib/systemd/system-preset",
  "/usr/lib/systemd/user-preset",
  "/etc/systemd/system-preset",
  "/etc/os-release",
  "/usr/lib/os-release",
];

/**
 * Findings on installed files that were read and found true, as "path:line rule" with why. None
 * so far: a finding here is either a mistake in the file (add it with the reason) or in Unitsmith.
 */
const REVIEWED: Readonly<Record<string, string>> = {};

function filesUnder(place: string): string[] {
  let info;
  try {
    info = statSync(place);
  } catch {
    return [];
  }
  if (info.isFile()) return [place];
  return readdirSync(place).flatMap((name) => filesUnder(join(place, name)));
}

describe("the line-format files installed on this machine", () => {
  const seen = new Set<string>();
  const files = PLACES.flatMap(filesUnder).filter((path) => {
    const real = realpathSync(path);
    if (seen.has(real)) return false;
    seen.add(real);
    return lineFormatLanguageOf(path) !== undefined;
  });
  // With this machine's directories, as the Node host lists them: sysctl.d keys are judged against /proc/sys.
  const service = testService(
    { listDirectory: createPathLister() },
    { target: { version: installedSystemdVersion() }, maxFileSizeKB: 16 * 1024 },
  );

  it("include files of most formats (the machine has systemd and udev installed)", () => {
    const formats = new Set(files.map(lineFormatLanguageOf));
    assert.ok(formats.size >= LINE_FORMAT_LANGUAGES.length - 3, `formats found: ${[...formats].join(", ")}`);
  });

  for (const path of files) {
    it(path, async () => {
      const diagnostics = await service.diagnostics(documentOf(path, readFileSync(path, "utf8")));
      const found = diagnostics.map((d) => `${path}:${d.range.start.line + 1} ${String(d.code)}`);
      const unreviewed = found.filter((key) => !(key in REVIEWED));
      assert.deepEqual(unreviewed, [], diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join("\n"));
    });
  }
});
