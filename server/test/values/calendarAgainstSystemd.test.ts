// Compares parseCalendar's verdict and normalised form with the installed `systemd-analyze calendar`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCalendar } from "../../src/language/values/calendar";
import { hasSystemdAnalyze, picker, runAnalyze, seededRandom } from "./systemdAnalyze";

const SAMPLE_SIZE = 3000;
const BATCH = 500;

function generate(count: number, seed: number): string[] {
  const { int, pick, chance } = picker(seededRandom(seed));
  const weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "friday", "SUNDAY", "wednesday", "Mond", "Thurs"];
  const weekdays = () => {
    const items: string[] = [];
    for (let n = int(1, 3); n > 0; n--) {
      items.push(chance(0.35) ? `${pick(weekdayNames)}${pick(["..", "-", "..", "."])}${pick(weekdayNames)}` : pick(weekdayNames));
    }
    return items.join(",") + (chance(0.05) ? pick([",", "..", "-"]) : "");
  };
  const number = (lo: number, hi: number) => {
    const v = int(lo, hi);
    return chance(0.3) ? String(v).padStart(2, "0") : String(v);
  };
  const element = (lo: number, hi: number, seconds: boolean) => {
    let s = number(lo, hi);
    if (seconds && chance(0.2)) s += "." + String(int(0, 9999999)).slice(0, int(1, 7));
    if (chance(0.25)) s += ".." + number(lo, hi);
    if (chance(0.25)) s += "/" + number(0, Math.max(1, Math.floor((hi - lo) / 2)));
    return s;
  };
  const chain = (lo: number, hi: number, seconds = false) => {
    if (chance(0.3)) return "*";
    const items: string[] = [];
    for (let n = chance(0.7) ? 1 : int(2, 4); n > 0; n--) items.push(element(lo, hi, seconds));
    return items.join(",");
  };
  const date = () => {
    const sep = () => (chance(0.1) ? "~" : "-");
    const year = () => (chance(0.2) ? number(0, 99) : chance(0.5) ? chain(1965, 2210) : String(int(2000, 2100)));
    return chance(0.3) ? `${chain(0, 13)}${sep()}${chain(0, 32)}` : `${year()}${sep()}${chain(0, 13)}${sep()}${chain(0, 32)}`;
  };
  const time = () => {
    const hm = `${chain(0, 25)}:${chain(0, 61)}`;
    return chance(0.5) ? `${hm}:${chain(0, 61, true)}` : hm;
  };
  const zones = [
    " UTC",
    " utc",
    " Europe/Berlin",
    " America/New_York",
    " Asia/Tokyo",
    " EST5EDT",
    " Etc/GMT+5",
    " europe/berlin",
    " Mars/Olympus",
    " PST",
    " UTC ",
  ];
  const shorthands = [
    "minutely",
    "hourly",
    "daily",
    "monthly",
    "weekly",
    "yearly",
    "annually",
    "quarterly",
    "semiannually",
    "semi-annually",
    "biannually",
    "Bi-Annually",
    "DAILY",
    "anually",
    "fortnightly",
  ];
  const mutate = (s: string) => {
    const at = int(0, s.length);
    const c = pick([..."0123456789*-:.,~/ @", "Mon", "UTC"]);
    switch (int(0, 2)) {
      case 0:
        return s.slice(0, at) + s.slice(at + 1);
      case 1:
        return s.slice(0, at) + c + s.slice(at);
      default:
        return s.slice(0, at) + c + s.slice(at + 1);
    }
  };
  const out: string[] = [];
  while (out.length < count) {
    let expr: string;
    const kind = int(0, 99);
    if (kind < 8) expr = pick(shorthands);
    else if (kind < 12) expr = `@${pick(["", " ", "-", "+"])}${int(0, 8_000_000_000)}`;
    else {
      const parts: string[] = [];
      if (chance(0.35)) parts.push(weekdays());
      const hasDate = chance(0.7);
      if (hasDate) parts.push(date());
      if (!hasDate || chance(0.75)) parts.push(time());
      expr = parts.join(chance(0.05) ? "  " : " ");
    }
    if (chance(0.2)) expr += pick(zones);
    if (chance(0.15)) expr = mutate(expr);
    if (expr.includes("\n") || expr === "") continue;
    out.push(expr);
  }
  return out;
}

/** Runs one batch. Blocks are separated by one blank line; an invalid expression leaves its block empty. */
async function systemdVerdicts(exprs: string[]): Promise<(string | undefined)[]> {
  const { stdout } = await runAnalyze("calendar", exprs);
  const normalized: (string | undefined)[] = new Array(exprs.length).fill(undefined);
  let index = 0;
  for (const line of stdout.replace(/\n$/, "").split("\n")) {
    if (line === "") index++;
    else {
      const m = /^\s*Normalized form: (.*)$/.exec(line);
      if (m) normalized[index] = m[1];
    }
  }
  assert.equal(index, exprs.length - 1, "one output block per expression");
  return normalized;
}

test(
  "calendar events agree with systemd-analyze calendar",
  { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" },
  async () => {
    const sample = generate(SAMPLE_SIZE, 20240521);
    const batches: string[][] = [];
    for (let i = 0; i < sample.length; i += BATCH) batches.push(sample.slice(i, i + BATCH));
    const results = (await Promise.all(batches.map(systemdVerdicts))).flat();
    const disagreements: string[] = [];
    let valid = 0;
    sample.forEach((expr, i) => {
      const expected = results[i];
      const ours = parseCalendar(expr);
      if (expected !== undefined) valid++;
      const got = ours.ok ? ours.normalized : undefined;
      if (got !== expected) disagreements.push(`${JSON.stringify(expr)}: systemd ${JSON.stringify(expected)}, ours ${JSON.stringify(got)}`);
    });
    const rate = (100 * (sample.length - disagreements.length)) / sample.length;
    console.log(`calendar: ${sample.length} expressions (${valid} valid per systemd), agreement ${rate.toFixed(2)}%`);
    assert.ok(valid > sample.length / 4 && valid < (sample.length * 3) / 4, `a balanced sample (${valid} valid)`);
    assert.deepEqual(disagreements.slice(0, 20), []);
  },
);
