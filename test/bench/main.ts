// `npm run bench`: every budget of docs/performance.md measured beside a baseline taken in the same run,
// printed as one table. Run through scripts/bench.mjs, which builds both servers first.
import { cpus } from "node:os";
import { join } from "node:path";
import {
  coldStart,
  diagnosticsEndToEnd,
  diagnosticsInProcess,
  installedUnitFiles,
  lintVersusVerify,
  peakMemory,
  requestLatency,
} from "./measurements";

const UNITSMITH = join(__dirname, "../../server/bin/unitsmith-language-server.js");
const CLI = join(__dirname, "../../server/bin/unitsmith.js");
const DEBOUNCE_MS = 150;

interface Row {
  figure: string;
  value: string;
  baseline: string;
  target: string;
  met: boolean;
  ratio: string;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const x = (n: number) => `${n.toFixed(2)}×`;

async function main(): Promise<void> {
  const bare = process.argv[2];
  if (!bare) throw new Error("usage: main.ts BARE_SERVER_BUNDLE");
  const rows: Row[] = [];
  const relative = (figure: string, value: number, baseline: number, limit: number, unit = ms) =>
    rows.push({
      figure,
      value: unit(value),
      baseline: unit(baseline),
      target: `≤ ${limit}× baseline`,
      met: value <= baseline * limit,
      ratio: x(value / baseline),
    });
  const absolute = (figure: string, value: number, baseline: string, limit: number, unit = ms) =>
    rows.push({
      figure,
      value: unit(value),
      baseline,
      target: `< ${unit(limit)}`,
      met: value < limit,
      ratio: x(value / limit) + " of limit",
    });

  const start = await coldStart(UNITSMITH, bare, 9);
  relative("cold start to initialize reply", start.unitsmith, start.bare, 1.3);

  for (const lines of [300, 5000]) {
    const ours = await requestLatency(UNITSMITH, lines, 220);
    const theirs = await requestLatency(bare, lines, 220);
    for (const kind of ["completion", "hover"] as const) {
      relative(`${kind} p50, ${lines}-line unit`, ours[kind].p50, theirs[kind].p50, 1.5);
      absolute(`${kind} p99, ${lines}-line unit`, ours[kind].p99, `bare p99 ${ms(theirs[kind].p99)}`, 10);
    }
  }

  const bareChange = await diagnosticsEndToEnd(bare, 300, 30, 0);
  for (const [lines, limit] of [
    [300, 5],
    [5000, 50],
  ] as const) {
    absolute(`diagnostics after an edit, ${lines} lines (in the core)`, await diagnosticsInProcess(lines, 40), "—", limit);
    const endToEnd = await diagnosticsEndToEnd(UNITSMITH, lines, 15, DEBOUNCE_MS);
    absolute(`  same, didChange → publish less ${DEBOUNCE_MS} ms debounce`, endToEnd, `bare didChange → publish ${ms(bareChange)}`, limit);
  }

  const mb = (n: number) => `${n.toFixed(0)} MB`;
  const peak = await peakMemory(UNITSMITH, 100, 300);
  absolute("peak RSS, 100 open 300-line units", peak, `bare ${mb(await peakMemory(bare, 100, 300))}`, 100, mb);

  const files = installedUnitFiles(["/lib/systemd", "/usr/lib/systemd"]);
  const lint = lintVersusVerify(CLI, files, 40);
  rows.push({
    figure: `CLI lint per file (${lint.files} installed files; verify on ${lint.sampled} sampled)`,
    value: ms(lint.lintMs),
    baseline: `systemd-analyze verify ${ms(lint.verifyMs)}`,
    target: "≥ 20× faster",
    met: lint.verifyMs / lint.lintMs >= 20,
    ratio: `${(lint.verifyMs / lint.lintMs).toFixed(1)}× faster`,
  });

  const header: Row = {
    figure: "figure",
    value: "Unitsmith",
    baseline: "baseline (same run)",
    target: "target",
    met: true,
    ratio: "ratio",
  };
  const cells = (r: Row) => [r.figure, r.value, r.baseline, r.target, r === header ? "met?" : r.met ? "met" : "MISSED", r.ratio];
  const widths = cells(header).map((_, i) => Math.max(...[header, ...rows].map((r) => cells(r)[i]!.length)));
  const line = (r: Row) =>
    `| ${cells(r)
      .map((c, i) => c.padEnd(widths[i]!))
      .join(" | ")} |`;
  console.log(`\n${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}\n`);
  console.log([line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n"));
  process.exitCode = rows.every((r) => r.met) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
