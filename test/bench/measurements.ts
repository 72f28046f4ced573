import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { CompletionRequest, DidChangeTextDocumentNotification, HoverRequest } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileUri } from "../../server/src/language/fileUri";
import { createUnitLanguageService, emptyHost } from "../../server/src/language/languageService";
import { LANGUAGE_ID } from "../../server/src/protocol/languageId";
import { unitKind } from "../../server/src/language/unitKind";
import { memoryOf } from "../load/serverProcess";
import { BenchServer } from "./benchServer";
import { BENCH_PATH, realisticUnit } from "./realisticUnit";
import { median, percentile } from "./stats";

export interface Pair {
  unitsmith: number;
  bare: number;
}

/**
 * The round trips of `runs` calls of each server's `call`, one server's and then the other's for
 * each `i`, so that machine noise hits both alike.
 */
export async function roundTrips(
  runs: number,
  calls: Record<keyof Pair, (i: number) => Promise<unknown>>,
): Promise<Record<keyof Pair, number[]>> {
  const samples: Record<keyof Pair, number[]> = { unitsmith: [], bare: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of ["unitsmith", "bare"] as const) {
      const start = performance.now();
      await calls[name](i);
      samples[name].push(performance.now() - start);
    }
  }
  return samples;
}

/** Spawn to initialize reply, alternating the two servers so machine noise hits both alike. */
export async function coldStart(unitsmithBundle: string, bareBundle: string, runs: number): Promise<Pair> {
  const times: Record<keyof Pair, number[]> = { unitsmith: [], bare: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, bundle] of [
      ["unitsmith", unitsmithBundle],
      ["bare", bareBundle],
    ] as const) {
      const server = await BenchServer.start(bundle);
      times[name].push(server.coldStartMs);
      await server.stop();
    }
  }
  return { unitsmith: median(times.unitsmith), bare: median(times.bare) };
}

/** Positions on directive lines: in the key, and just after "=". */
function requestPositions(text: string, count: number): { line: number; character: number }[] {
  const lines = text.split("\n");
  const entries = lines.flatMap((line, i) => (/^[A-Za-z]+=/.test(line) ? [{ line: i, equals: line.indexOf("=") }] : []));
  return Array.from({ length: count }, (_, i) => {
    const entry = entries[(i * 7919) % entries.length]!;
    return { line: entry.line, character: i % 2 ? entry.equals + 1 : 2 };
  });
}

export interface Latency {
  p50: number;
  p99: number;
}

/**
 * Round trips of completion and hover on a unit of `lines` lines, each request sent to one server
 * and then to the other, both open at once: machine noise hits both alike.
 */
export async function requestLatency(
  unitsmithBundle: string,
  bareBundle: string,
  lines: number,
  requests: number,
): Promise<Record<"completion" | "hover", Record<keyof Pair, Latency>>> {
  const text = realisticUnit(lines);
  const servers = { unitsmith: await BenchServer.start(unitsmithBundle), bare: await BenchServer.start(bareBundle) };
  const uris = { unitsmith: await servers.unitsmith.open(BENCH_PATH, text), bare: await servers.bare.open(BENCH_PATH, text) };
  const positions = requestPositions(text, requests);
  const time = async (method: typeof CompletionRequest.method | typeof HoverRequest.method) => {
    const send = (name: keyof Pair) => (i: number) =>
      servers[name].connection.sendRequest(method, { textDocument: { uri: uris[name] }, position: positions[i]! });
    const samples = await roundTrips(positions.length, { unitsmith: send("unitsmith"), bare: send("bare") });
    // The first ones warm up.
    const latency = (of: number[]) => ({ p50: median(of.slice(20)), p99: percentile(of.slice(20), 99) });
    return { unitsmith: latency(samples.unitsmith), bare: latency(samples.bare) };
  };
  const completion = await time(CompletionRequest.method);
  const hover = await time(HoverRequest.method);
  await Promise.all([servers.unitsmith.stop(), servers.bare.stop()]);
  return { completion, hover };
}

/** The language service's diagnostics in this process, as the server computes them after an edit: the median of `runs`. */
export async function diagnosticsInProcess(lines: number, runs: number): Promise<number> {
  const text = realisticUnit(lines);
  const service = createUnitLanguageService(emptyHost());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const document = TextDocument.create(fileUri(BENCH_PATH), LANGUAGE_ID, i, text.replace("Description=", `Description=${i}`));
    const start = performance.now();
    await service.diagnostics(document);
    samples.push(performance.now() - start);
  }
  return median(samples.slice(3));
}

/** didChange to publishDiagnostics over stdio, one keystroke after another: the median of `runs`. */
export async function diagnosticsEndToEnd(bundle: string, lines: number, runs: number): Promise<number> {
  const server = await BenchServer.start(bundle);
  const uri = await server.open(BENCH_PATH, realisticUnit(lines));
  const samples: number[] = [];
  for (let version = 2; version < runs + 2; version++) {
    const published = server.nextDiagnostics(uri, (p) => p.version === version);
    const start = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "#" }],
    });
    await published;
    samples.push(performance.now() - start);
  }
  await server.stop();
  return median(samples);
}

/** Peak RSS (VmHWM) in MB after opening `count` units, with a completion and a hover in each. */
export async function peakMemory(bundle: string, count: number, lines: number): Promise<number> {
  const server = await BenchServer.start(bundle);
  for (let i = 0; i < count; i++) {
    const uri = await server.open(BENCH_PATH.replace("bench", `bench-${i}`), realisticUnit(lines + i));
    await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 2 } });
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 2 } });
  }
  const { peakMB } = memoryOf(server.process.pid!);
  await server.stop();
  return peakMB;
}

/** Every unit, drop-in, networkd and Quadlet file under the roots, each real file once. */
export function installedUnitFiles(roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      try {
        const info = statSync(path);
        if (info.isDirectory()) walk(path);
        else if (info.isFile() && unitKind(path).file && !seen.has(realpathSync(path))) {
          seen.add(realpathSync(path));
          files.push(path);
        }
      } catch {
        // Dangling link.
      }
    }
  };
  for (const root of roots) walk(root);
  return files;
}

/** Milliseconds one `unitsmith lint --format json` of the paths takes, start of the process included. */
function timedLint(cli: string, paths: readonly string[]): number {
  const start = performance.now();
  spawnSync(process.execPath, [cli, "lint", "--format", "json", ...paths], { stdio: "ignore" });
  return performance.now() - start;
}

/** `copies` copies of the files, each in a directory of its own under `root` at the file's absolute path, as in a large tree of units. */
function copiedTree(root: string, files: readonly string[], copies: number): number {
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      const into = join(root, `copy-${copy}`, file);
      mkdirSync(dirname(into), { recursive: true });
      copyFileSync(file, into);
    }
  }
  return files.length * copies;
}

export interface LintFigures {
  /** The files of the large tree and what one `unitsmith lint` of it took per file (median of `runs`). */
  treeFiles: number;
  treeMs: number;
  /** The files themselves, linted in one process: the start of the process weighs on each of them. */
  files: number;
  filesMs: number;
  /** Unit files `systemd-analyze verify` was run on one by one, and its time per file. */
  sampled: number;
  verifyMs: number;
}

/**
 * Per file: `unitsmith lint` over a tree of `copies` copies of the files (a large tree, split among
 * threads), and over the files alone; `systemd-analyze verify` on each of a sample of unit files.
 */
export function lintVersusVerify(cli: string, files: readonly string[], copies: number, runs: number, sample: number): LintFigures {
  const tree = mkdtempSync(join(tmpdir(), "unitsmith-bench-tree-"));
  let treeMs: number;
  let treeFiles: number;
  try {
    treeFiles = copiedTree(tree, files, copies);
    timedLint(cli, [tree]); // The files' pages into the page cache, as for the other runs.
    treeMs = median(Array.from({ length: runs }, () => timedLint(cli, [tree]))) / treeFiles;
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
  const filesMs = median(Array.from({ length: runs }, () => timedLint(cli, files))) / files.length;
  const units = files.filter((f) => !unitKind(f).dropIn && unitKind(f).file?.family === "unit");
  const chosen = Array.from({ length: Math.min(sample, units.length) }, (_, i) => units[Math.floor((i * units.length) / sample)]!);
  const runtime = mkdtempSync(join(tmpdir(), "unitsmith-bench-runtime-"));
  const times: number[] = [];
  for (const file of chosen) {
    const t = performance.now();
    try {
      execFileSync("systemd-analyze", ["verify", "--man=no", "--generators=no", "--", file], {
        stdio: "ignore",
        timeout: 30_000,
        env: { ...process.env, XDG_RUNTIME_DIR: runtime, SYSTEMD_LOG_LEVEL: "err" },
      });
    } catch {
      // A unit with findings exits non-zero; the time is what counts.
    }
    times.push(performance.now() - t);
  }
  rmSync(runtime, { recursive: true, force: true });
  return {
    treeFiles,
    treeMs,
    files: files.length,
    filesMs,
    sampled: chosen.length,
    verifyMs: times.reduce((a, b) => a + b, 0) / times.length,
  };
}
