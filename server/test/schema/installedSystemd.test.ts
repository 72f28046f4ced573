// Every configuration item the installed systemd knows must be known to the data too: in the
// generated tables for the same section, or in the overlay of renamed and removed directives.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { it } from "node:test";
import { promisify } from "node:util";
import { isKnown } from "./schemaData";

const SYSTEMD = "/usr/lib/systemd/systemd";

/** "[Section]" headers and "Name=..." lines of --dump-configuration-items. */
function parseDump(output: string): { section: string; name: string }[] {
  const items: { section: string; name: string }[] = [];
  let section = "";
  for (const line of output.split("\n")) {
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) section = header[1]!;
    const item = /^([A-Za-z0-9_-]+)=/.exec(line);
    if (item && section) items.push({ section, name: item[1]! });
  }
  return items;
}

it(
  "knows every item of the installed systemd's --dump-configuration-items",
  { skip: existsSync(SYSTEMD) ? false : `${SYSTEMD} is not installed` },
  async () => {
    const { stdout } = await promisify(execFile)(SYSTEMD, ["--dump-configuration-items"], {
      timeout: 20_000,
      maxBuffer: 8 * 1024 * 1024,
    });
    const items = parseDump(stdout);
    assert.ok(items.length > 500, `only ${items.length} items parsed from the dump`);
    assert.ok(new Set(items.map((i) => i.section)).has("Service"));
    const unknown = items.filter((i) => !isKnown("unit", i.section, i.name)).map((i) => `[${i.section}] ${i.name}=`);
    assert.deepEqual(unknown, []);
  },
);
