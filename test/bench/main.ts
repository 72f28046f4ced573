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
  roundTrips,
} from "./measurements";
import { memoryOf } from "../load/serverProcess";
import { median } from "./stats";
import { generatedWorkspace, openWorkspace, removeWorkspace } from "./workspace";

const UNITSMITH = join(__dirname, "../../server/bin/unitsmith-language-server.js");
const CLI = join(__dirname, "../../server/bin/unitsmith.js");
/** Unit sizes each figure is measured at, to show how it grows. */
const SIZES = [300, 5000, 50_000];
/** didChange → published budgets by unit size; larger units are shown without one. */
const END_TO_END_MS = new Map([
  [300, 30],
  [5000, 60],
]);
const WORKSPACE_UNITS = 10_000;
/** The lint figure's tree: this many copies of the machine's installed unit files, each in a directory of its own. */
const LINT_TREE_COPIES = 20;
/** The parts of the bench, in order; `npm run bench -- workspace lint` runs only those named. */
const SECTIONS = ["start", "requests", "diagnostics", "memory", "workspace", "lint"] as const;
type Section = (typeof SECTIONS)[number];

interface Row {
  figure: string;
  value: string;
  baseline: string;
  target: string;
  met: boolean;
  ratio: string;
  /** Printed to show growth; no budget. */
  shownOnly?: boolean;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const mb = (n: number) => `${n.toFixed(0)} MiB`;
const x = (n: number) => `${n.toFixed(2)}×`;

async function main(): Promise<void> {
  const [bare, ...named] = process.argv.slice(2);
  if (!bare) throw new Error(`usage: main.ts BARE_SERVER_BUNDLE [${SECTIONS.join("|")} ...]`);
  const unknown = named.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`no bench section ${unknown.join(", ")}; the sections are ${SECTIONS.join(", ")}`);
  const runs = (section: Section) => named.length === 0 || named.includes(section);
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
      target: `≤ ${unit(limit)}`,
      met: value <= limit,
      ratio: x(value / limit) + " of limit",
    });
  const above = (figure: string, value: number, baseline: number, limit: number) =>
    rows.push({
      figure,
      value: mb(value),
      baseline: `bare ${mb(baseline)}`,
      target: `≤ baseline + ${mb(limit)}`,
      met: value <= baseline + limit,
      ratio: `+${mb(value - baseline)}`,
    });
  /** A figure printed to show growth, with no budget of its own. */
  const shown = (figure: string, value: number, baseline = "—") =>
    rows.push({ figure, value: ms(value), baseline, target: "—", met: true, ratio: "", shownOnly: true });

  if (runs("start")) {
    const start = await coldStart(UNITSMITH, bare, 9);
    relative("cold start to initialize reply", start.unitsmith, start.bare, 1);
  }

  for (const lines of runs("requests") ? SIZES : []) {
    const latency = await requestLatency(UNITSMITH, bare, lines, 220);
    for (const kind of ["completion", "hover"] as const) {
      const { unitsmith: ours, bare: theirs } = latency[kind];
      relative(`${kind} p50, ${lines}-line unit`, ours.p50, theirs.p50, 1.5);
      absolute(`${kind} p99, ${lines}-line unit`, ours.p99, `bare p99 ${ms(theirs.p99)}`, 10);
    }
  }

  const bareChange = runs("diagnostics") ? await diagnosticsEndToEnd(bare, 300, 30) : 0;
  for (const lines of runs("diagnostics") ? SIZES : []) {
    shown(`diagnostics after an edit, ${lines} lines, in the core`, await diagnosticsInProcess(lines, lines > 5000 ? 8 : 40));
    const endToEnd = await diagnosticsEndToEnd(UNITSMITH, lines, lines > 5000 ? 6 : 15);
    const budget = END_TO_END_MS.get(lines);
    if (budget) absolute(`  didChange → diagnostics published, ${lines} lines`, endToEnd, `bare ${ms(bareChange)}`, budget);
    else shown(`  didChange → diagnostics published, ${lines} lines`, endToEnd, `bare ${ms(bareChange)}`);
  }

  if (runs("memory"))
    above("peak RSS, 100 open 300-line units", await peakMemory(UNITSMITH, 100, 300), await peakMemory(bare, 100, 300), 40);

  if (runs("workspace")) await workspaceRows(bare);
  if (runs("lint")) lintRow();

  async function workspaceRows(bare: string): Promise<void> {
    const root = generatedWorkspace(WORKSPACE_UNITS);
    try {
      // Each server builds its index alone; the requests after alternate between the two.
      const ours = await openWorkspace(UNITSMITH, root, `app-${WORKSPACE_UNITS - 1}.service`);
      const theirs = await openWorkspace(bare, root, "bare");
      const completion = await roundTrips(60, { unitsmith: ours.completeUnitName, bare: theirs.completeUnitName });
      const references = await roundTrips(1, { unitsmith: ours.findReferences, bare: theirs.findReferences });
      const [oursMB, theirsMB] = [ours, theirs].map(({ server }) => memoryOf(server.process.pid!).peakMB) as [number, number];
      await Promise.all([ours.server.stop(), theirs.server.stop()]);
      const units = `${WORKSPACE_UNITS.toLocaleString("en-US")} units`;
      absolute(`workspace of ${units}: index built (background)`, ours.indexMs, "—", 3000);
      shown(`  first hover, as the unit opens`, ours.firstHoverMs, `bare ${ms(theirs.firstHoverMs)}`);
      absolute(`  longest hover after it while the index builds`, ours.longestStallMs, `bare ${ms(theirs.longestStallMs)}`, 50);
      relative(`  unit-name completion p50`, median(completion.unitsmith), median(completion.bare), 2);
      absolute(`  find references of a unit`, median(references.unitsmith), `bare ${ms(median(references.bare))}`, 100);
      above(`  peak RSS`, oursMB, theirsMB, 80);
    } finally {
      removeWorkspace(root);
    }
  }

  function lintRow(): void {
    const files = installedUnitFiles(["/lib/systemd", "/usr/lib/systemd"]);
    const lint = lintVersusVerify(CLI, files, LINT_TREE_COPIES, 3, 40);
    const faster = (perFile: number) => `${(lint.verifyMs / perFile).toFixed(1)}× faster`;
    const verify = `systemd-analyze verify ${ms(lint.verifyMs)} (${lint.sampled} units)`;
    rows.push({
      figure: `CLI lint per file, a tree of ${lint.treeFiles.toLocaleString("en-US")} (${LINT_TREE_COPIES} copies of the installed files)`,
      value: ms(lint.treeMs),
      baseline: verify,
      target: "≥ 50× faster",
      met: lint.verifyMs / lint.treeMs >= 50,
      ratio: faster(lint.treeMs),
    });
    rows.push({
      figure: `  CLI lint per file, the ${lint.files} installed files, one process`,
      value: ms(lint.filesMs),
      baseline: verify,
      target: "—",
      met: true,
      ratio: faster(lint.filesMs),
      shownOnly: true,
    });
  }

  const header: Row = {
    figure: "figure",
    value: "Unitsmith",
    baseline: "baseline (same run)",
    target: "target",
    met: true,
    ratio: "ratio",
  };
  const cells = (r: Row) => [
    r.figure,
    r.value,
    r.baseline,
    r.target,
    r === header ? "met?" : r.shownOnly ? "—" : r.met ? "met" : "MISSED",
    r.ratio,
  ];
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
