/** Runs systemd's own readers of tmpfiles.d and sysusers.d on a case, in a scratch root, and says which lines they flag. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DiagnosticSeverity } from "vscode-languageserver-types";
import { documentOf, testService } from "../service";

export interface OracleRun {
  /** 0-based lines the program named in a message (refused, ignored or a duplicate). */
  lines: number[];
  /** Everything it printed, for the assertion's message. */
  output: string;
}

/**
 * The program's messages about `text` read as a configuration file: with --root on a scratch
 * directory that holds this machine's user and group databases, so nothing outside it changes.
 */
export function runOracle(program: "systemd-tmpfiles" | "systemd-sysusers", text: string): OracleRun {
  const scratch = mkdtempSync(join(tmpdir(), "unitsmith-oracle-"));
  try {
    mkdirSync(join(scratch, "root", "etc"), { recursive: true });
    for (const database of ["passwd", "group"]) copyFileSync(`/etc/${database}`, join(scratch, "root", "etc", database));
    const file = join(scratch, "case.conf");
    writeFileSync(file, text);
    const options = program === "systemd-tmpfiles" ? ["--create", "--boot"] : ["--dry-run"];
    const run = spawnSync(program, [`--root=${join(scratch, "root")}`, ...options, file], { encoding: "utf8", timeout: 20_000 });
    if (run.error) throw run.error;
    const output = `${run.stdout}${run.stderr}`;
    const named = [...output.matchAll(/^\[?[^\s:]*case\.conf:(\d+)[:\]]/gm)].map((match) => Number(match[1]) - 1);
    // A few refusals name no line (file attributes, say): with one entry in the file, it is that line.
    const unnamed = output.split("\n").some((line) => /^(Unknown|Failed|Invalid)/.test(line));
    const entries = text.split("\n").flatMap((line, i) => (line.trim() && !line.trim().startsWith("#") ? [i] : []));
    const lines = new Set(named);
    if (unnamed && entries.length === 1) lines.add(entries[0]!);
    return { lines: [...lines].sort((a, b) => a - b), output };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The lines Unitsmith flags in `text` at `path`, for the systemd installed here; with `errorsOnly`,
 * only the lines it says the reader refuses (for readers that say nothing of the lines they accept
 * to no effect).
 */
export async function flaggedLines(path: string, text: string, systemdVersion?: number, errorsOnly = false): Promise<number[]> {
  const service = testService({}, systemdVersion === undefined ? {} : { target: { version: systemdVersion } });
  const diagnostics = (await service.diagnostics(documentOf(path, text))).filter(
    (d) => !errorsOnly || d.severity === DiagnosticSeverity.Error,
  );
  return [...new Set(diagnostics.map((d) => d.range.start.line))].sort((a, b) => a - b);
}

/** Runs a program (argv and environment made from the scratch directory) in a scratch directory laid out by `files`. */
function inScratch(files: Record<string, string>, command: (root: string) => { argv: string[]; env?: NodeJS.ProcessEnv }): string {
  const root = mkdtempSync(join(tmpdir(), "unitsmith-oracle-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const { argv, env } = command(root);
    const [program, ...args] = argv;
    const run = spawnSync(program!, args, { encoding: "utf8", timeout: 20_000, env: env ?? process.env });
    if (run.error) throw run.error;
    return `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** 0-based line numbers of the "case.<suffix>:N:" messages in a program's output. */
const namedLines = (output: string, file: string) =>
  [...new Set([...output.matchAll(new RegExp(`${file.replace(".", "\\.")}:(\\d+):`, "g"))].map((m) => Number(m[1]) - 1))].sort(
    (a, b) => a - b,
  );

/** systemd-hwdb compiling the case in a scratch root: the lines it ignores (a record without properties named by its last match line). */
export function hwdbOracle(text: string): OracleRun {
  const output = inScratch({ "etc/udev/hwdb.d/50-case.hwdb": text }, (root) => ({ argv: ["systemd-hwdb", `--root=${root}`, "update"] }));
  const lines = [...output.matchAll(/50-case\.hwdb:(\d+): (.*)$/gm)].map((m) => {
    const line = Number(m[1]) - 1;
    // The empty line that closes a record of matches only: the finding is on the match before it.
    return m[2]!.startsWith("Property expected") && text.split("\n")[line]?.trim() === "" ? line - 1 : line;
  });
  return { lines: [...new Set(lines)].sort((a, b) => a - b), output };
}

/** systemd-sysctl reading the case with a --prefix no key has, so that it writes nothing. */
export function sysctlOracle(text: string): OracleRun {
  const output = inScratch({ "case.conf": text }, (root) => ({
    argv: ["/usr/lib/systemd/systemd-sysctl", "--prefix=/unitsmith/none", join(root, "case.conf")],
  }));
  return { lines: namedLines(output, "case.conf"), output };
}

/** systemctl preset on a scratch root whose only preset file is the case. */
export function presetOracle(text: string): OracleRun {
  const unit = "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n";
  const output = inScratch(
    { "usr/lib/systemd/system-preset/50-case.preset": text, "usr/lib/systemd/system/case.service": unit, "etc/systemd/system/.keep": "" },
    (root) => ({ argv: ["systemctl", `--root=${root}`, "preset", "case.service"] }),
  );
  return { lines: namedLines(output, "50-case.preset"), output };
}

/** The variables systemd's environment.d generator sets from the case, as the user's only environment.d file. */
export function environmentOracle(text: string): Set<string> {
  const generator = "/usr/lib/systemd/user-environment-generators/30-systemd-environment-d-generator";
  const output = inScratch({ "config/environment.d/50-case.conf": text }, (root) => ({
    argv: [generator],
    env: { PATH: process.env.PATH, HOME: root, XDG_CONFIG_HOME: join(root, "config"), XDG_CONFIG_DIRS: "/unitsmith/none" },
  }));
  return new Set([...output.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!));
}

/** This machine's systemd version, from `systemctl --version`. */
export function installedSystemdVersion(): number {
  const run = spawnSync("systemctl", ["--version"], { encoding: "utf8", timeout: 10_000 });
  return Number(/systemd (\d+)/.exec(run.stdout)?.[1]);
}
