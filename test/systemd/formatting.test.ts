// An independent judge of formatting: the real systemd reads every unit installed in the container
// before and after `unitsmith fmt` rewrites them, and must read the same. The project's parser
// decides nothing here.
import assert from "node:assert/strict";
import { lstatSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { documentOf, testService } from "../../server/test/service";
import { UNIT_TYPES, unitKind } from "../../server/src/language/unitKind";
import { parseShowOutput } from "../../server/src/systemd/showOutput";
import { bootContainer, type Container } from "./harness/container";

const bootTimeout = 15 * 60_000;
const testTimeout = 300_000;
const UNIT_DIR = "/usr/lib/systemd/system";

/** Every regular unit and drop-in file under `dir` (in-container paths), as the host reaches them through `root`. */
function unitFilesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const info = lstatSync(join(root, path));
      if (info.isDirectory()) return unitFilesUnder(root, path);
      return info.isFile() && unitKind(path).file ? [path] : [];
    });
}

/**
 * The same file as systemd reads it, written untidily: spaces around "=", trailing spaces and no
 * blank lines. systemd strips all of that, so this changes nothing it reads; the formatter has it
 * all to undo.
 */
function untidy(text: string): string {
  const lines = text.split("\n");
  return lines
    .flatMap((line, i) => {
      const continued = i > 0 && lines[i - 1]!.endsWith("\\");
      if (continued) return [line];
      if (line.trim() === "" && i < lines.length - 1) return [];
      const entry = /^([A-Za-z][A-Za-z0-9_-]*)=(.*)$/.exec(line);
      if (!entry) return [line];
      const [, key, value] = entry;
      return [`${key} = ${value}${value!.endsWith("\\") ? "" : "  "}`];
    })
    .join("\n");
}

// systemd prints a unit's dependencies (After=, Wants=, ...) and RequiresMountsFor= as sets, in no
// fixed order.
const SET_MEMBER = new RegExp(`^("?\\S+\\.(${UNIT_TYPES.join("|")})"?|/\\S*)$`);
const asRead = (value: string) => {
  const words = value.split(" ");
  return words.every((word) => SET_MEMBER.test(word)) ? words.sort().join(" ") : value;
};
// What a running unit does meanwhile (CPU time, timestamps, counters), not what its files say.
const RUNTIME =
  /Timestamp|Monotonic|NSec$|Current$|Bytes$|Packets$|Operations$|^(MemoryAvailable|MainPID|ExecMainPID|ControlPID|InvocationID|NRestarts)$/;

/** Every property that reads differently, as "unit Property: before → after". */
function differences(units: readonly string[], before: Record<string, string>[], after: Record<string, string>[]): string[] {
  return units.flatMap((unit, i) => {
    const [was, is] = [before[i] ?? {}, after[i] ?? {}];
    const properties = [...new Set([...Object.keys(was), ...Object.keys(is)])];
    return properties
      .filter((property) => !RUNTIME.test(property) && asRead(was[property] ?? "(none)") !== asRead(is[property] ?? "(none)"))
      .map((property) => `${unit} ${property}: ${was[property] ?? "(none)"} → ${is[property] ?? "(none)"}`);
  });
}

describe("formatting keeps what systemd reads (systemctl show before and after)", () => {
  let container: Container;
  before(
    async () => {
      container = await bootContainer({ name: "formatting" });
    },
    { timeout: bootTimeout },
  );
  after(() => container?.stop(), { timeout: testTimeout });

  /** Every property of every unit, as `systemctl show --all` prints it after a daemon-reload. */
  async function propertiesOf(units: readonly string[]): Promise<Record<string, string>[]> {
    assert.equal((await container.run(["systemctl", "daemon-reload"])).code, 0);
    const shown = await container.run(["systemctl", "show", "--all", "--", ...units]);
    assert.equal(shown.code, 0, shown.stderr);
    return parseShowOutput(shown.stdout);
  }

  test("every unit installed in the container, untidied and then formatted", { timeout: testTimeout }, async () => {
    const root = `/proc/${container.pid}/root`;
    const files = unitFilesUnder(root, UNIT_DIR);
    const units = files.filter((path) => !path.includes(".d/") && !/@\.[a-z]+$/.test(path)).map((path) => path.slice(UNIT_DIR.length + 1));
    assert.ok(units.length > 50, `only ${units.length} units in ${UNIT_DIR}`);

    for (const path of files) writeFileSync(join(root, path), untidy(readFileSync(join(root, path), "utf8")));
    const before = await propertiesOf(units);
    assert.equal(before.length, units.length);

    let rewritten = 0;
    for (const path of files) {
      const text = readFileSync(join(root, path), "utf8");
      const formatted = testService().formattedText(documentOf(path, text))!;
      if (formatted !== text) rewritten++;
      writeFileSync(join(root, path), formatted);
    }
    assert.ok(rewritten > files.length / 2, `the formatter changed only ${rewritten} of ${files.length} files`);

    const after = await propertiesOf(units);
    assert.deepEqual(differences(units, before, after), []);
    console.log(`${units.length} units from ${files.length} files read the same by systemd before and after formatting`);
  });
});
