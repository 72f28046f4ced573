import { accessSync, constants, statSync } from "node:fs";
import { findProgram, generateUnits, type GeneratedFile } from "../language/generate";
import { displayPath } from "./displayPath";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import { NEW_USAGE, parseNewArgs } from "./newOptions";
import { performWrites, planWrites } from "./writeNewFiles";

/** One file as it is; several each after a "# ==> FILE <==" line, as head(1) separates files. */
function stdoutText(files: readonly GeneratedFile[]): string {
  if (files.length === 1) return files[0]!.text;
  return files.map((file) => `# ==> ${file.name} <==\n${file.text}`).join("\n");
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function refuse(io: CliIo, errors: readonly string[]): number {
  for (const error of errors) io.stderr(`unitsmith new: ${error}\n`);
  return EXIT_USAGE;
}

export async function newCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseNewArgs(args);
  if (parsed.help) {
    io.stdout(`${NEW_USAGE}\n`);
    return EXIT_OK;
  }
  const result = generateUnits(parsed.options, (name) => findProgram(name, io.cwd, process.env.PATH, isExecutableFile));
  if (!result.ok) return refuse(io, result.errors);
  const { output } = parsed;
  if (output.file === undefined && output.dir === undefined) {
    io.stdout(stdoutText(result.files));
    return EXIT_OK;
  }
  const planned = await planWrites(result.files, output, io.cwd);
  if ("errors" in planned) return refuse(io, planned.errors);
  await performWrites(planned.writes, output.force);
  for (const { path } of planned.writes) io.stdout(`${displayPath(path, io.cwd)}\n`);
  return EXIT_OK;
}
