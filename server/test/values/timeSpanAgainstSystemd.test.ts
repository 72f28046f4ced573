// Compares parseTimeSpan's verdict, value and formatTimeSpan with the installed `systemd-analyze timespan`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatTimeSpan, parseTimeSpan } from "../../src/language/values/timeSpan";
import { hasSystemdAnalyze, picker, runAnalyze, seededRandom } from "./systemdAnalyze";

const SAMPLE_SIZE = 1000;
const CHAINS = 4;
/** Arguments per call: small, since every bad one costs a rerun of those after it. */
const WINDOW = 20;

function generate(count: number, seed: number): string[] {
  const { int, pick, chance } = picker(seededRandom(seed));
  const units = [
    "",
    "",
    "s",
    "sec",
    "second",
    "seconds",
    "m",
    "min",
    "minute",
    "minutes",
    "h",
    "hr",
    "hour",
    "hours",
    "d",
    "day",
    "days",
    "w",
    "week",
    "weeks",
    "M",
    "month",
    "months",
    "y",
    "year",
    "years",
    "ms",
    "msec",
    "us",
    "usec",
    "\u00b5s",
    "\u03bcs",
  ];
  const badUnits = ["minuts", "mins", "secs", "hrs", "S", "Min", "H", "x"];
  const number = () => {
    let s = chance(0.1) ? String(int(0, 99999999)) : String(int(0, 120));
    if (chance(0.25)) s += "." + String(int(0, 999999)).slice(0, int(0, 6));
    if (chance(0.05)) s = "." + int(0, 99);
    if (chance(0.03)) s = pick(["-", "+", "--"]) + s;
    return s;
  };
  const out: string[] = [];
  while (out.length < count) {
    let expr: string;
    if (chance(0.03))
      expr = pick(["infinity", " infinity ", "infinity 5s", "infinityx", "", "   ", "99999999999y", "600000y", "5 5", "1.2.3", "5s.5"]);
    else {
      const parts: string[] = [];
      for (let n = int(1, 4); n > 0; n--)
        parts.push(number() + pick([" ", ""]).repeat(chance(0.2) ? 1 : 0) + (chance(0.04) ? pick(badUnits) : pick(units)));
      expr = (chance(0.05) ? " " : "") + parts.join(pick(["", " ", "  ", "\t"]));
    }
    if (expr.startsWith("-") && expr.length > 1 && chance(0.5)) continue;
    out.push(expr);
  }
  return out;
}

interface Verdict {
  usec?: string;
  human?: string;
}

/** systemd-analyze timespan stops at the first bad argument; rerun from just after it until all are judged. */
async function judge(exprs: string[]): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  while (verdicts.length < exprs.length) {
    const rest = exprs.slice(verdicts.length, verdicts.length + WINDOW);
    const { stdout, code } = await runAnalyze("timespan", rest);
    const usecs = [...stdout.matchAll(/^\s*\u03bcs: (\d+)$/gm)].map((m) => m[1]!);
    const humans = [...stdout.matchAll(/^\s*Human: (.*)$/gm)].map((m) => m[1]!);
    usecs.forEach((usec, i) => verdicts.push({ usec, human: humans[i] }));
    if (code !== 0) verdicts.push({});
    else assert.equal(usecs.length, rest.length);
  }
  return verdicts;
}

test("time spans agree with systemd-analyze timespan", { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" }, async () => {
  const sample = generate(SAMPLE_SIZE, 8675309);
  const size = Math.ceil(sample.length / CHAINS);
  const chains = Array.from({ length: CHAINS }, (_, i) => sample.slice(i * size, (i + 1) * size));
  const verdicts = (await Promise.all(chains.map(judge))).flat();
  const disagreements: string[] = [];
  let valid = 0;
  sample.forEach((expr, i) => {
    const expected = verdicts[i]!;
    if (expected.usec !== undefined) valid++;
    const ours = parseTimeSpan(expr);
    const got: Verdict = ours.ok ? { usec: ours.usec.toString(), human: formatTimeSpan(ours.usec) } : {};
    if (got.usec !== expected.usec || got.human !== expected.human) {
      disagreements.push(`${JSON.stringify(expr)}: systemd ${JSON.stringify(expected)}, ours ${JSON.stringify(got)}`);
    }
  });
  const rate = (100 * (sample.length - disagreements.length)) / sample.length;
  console.log(`timespan: ${sample.length} expressions (${valid} valid per systemd), agreement ${rate.toFixed(2)}%`);
  assert.ok(valid > sample.length / 4 && valid < sample.length * 0.85, `a balanced sample (${valid} valid)`);
  assert.deepEqual(disagreements.slice(0, 20), []);
});
