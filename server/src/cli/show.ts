import { parseArgs } from "node:util";
import { renderEffectiveUnit } from "../language/languageService";
import { EXIT_OK, UsageError, type CliIo } from "./io";
import { notAUnit, openUnitDocument } from "./unitDocument";

export const SHOW_USAGE = `Usage: unitsmith show FILE

Prints the unit that FILE (a unit file, or a drop-in of one) belongs to as systemd would load
it with FILE installed: the unit file it picks, every drop-in in the order systemd applies
them, and each assignment still in force, under a comment naming the file and line it came
from. FILE's own directory counts as the first unit directory, then this machine's unit
directories of the file's scope. No running systemd is needed.

Exit status: 0 printed, 2 usage or read errors, or FILE is not a unit file or drop-in.`;

export async function showCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: "boolean" } } });
  if (values.help) {
    io.stdout(`${SHOW_USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError("name one unit file or drop-in to show");
  const opened = await openUnitDocument("show", positionals[0]!, io);
  if (typeof opened === "number") return opened;
  const effective = await opened.service.effectiveUnit(opened.document);
  if (!effective) return notAUnit("show", positionals[0]!, io);
  io.stdout(renderEffectiveUnit(effective));
  return EXIT_OK;
}
