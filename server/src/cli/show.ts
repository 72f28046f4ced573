import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileUri } from "../language/fileUri";
import { createUnitLanguageService, renderEffectiveUnit } from "../language/languageService";
import { LANGUAGE_ID } from "../protocol/languageId";
import { createManPageLibrary } from "../systemd/manPages";
import { createNodeHost } from "../workspace/nodeHost";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io";
import { readUnitFile } from "./readUnitFile";

export const SHOW_USAGE = `Usage: unitsmith show FILE

Prints the unit that FILE (a unit file, or a drop-in of one) belongs to as systemd would load
it with FILE installed: the unit file it picks, every drop-in in the order systemd applies
them, and each assignment still in force, under a comment naming the file and line it came
from. FILE's own directory counts as the first unit directory, then this machine's unit
directories of the file's scope. No running systemd is needed.

Exit status: 0 printed, 2 usage or read errors, or FILE is not a unit file or drop-in.`;

/** A unit file is small; anything larger is refused rather than read whole. */
const MAX_BYTES = 1024 * 1024;

export async function showCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: "boolean" } } });
  if (values.help) {
    io.stdout(`${SHOW_USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError("name one unit file or drop-in to show");
  const path = resolve(io.cwd, positionals[0]!);
  const read = await readUnitFile(path, MAX_BYTES).catch((error: Error) => ({ error: error.message }));
  if ("error" in read || "tooLarge" in read) {
    io.stderr(`unitsmith show: ${"error" in read ? read.error : `${path} is over ${MAX_BYTES / 1024} KB; not a unit file`}\n`);
    return EXIT_USAGE;
  }
  const service = createUnitLanguageService(createNodeHost(createManPageLibrary()));
  const effective = await service.effectiveUnit(TextDocument.create(fileUri(path), LANGUAGE_ID, 1, read.text));
  if (!effective) {
    io.stderr(`unitsmith show: ${positionals[0]} is not a unit file or a drop-in of one unit\n`);
    return EXIT_USAGE;
  }
  io.stdout(renderEffectiveUnit(effective));
  return EXIT_OK;
}
