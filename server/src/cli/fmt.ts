import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileUri } from "../language/fileUri";
import { createUnitLanguageService, emptyHost } from "../language/languageService";
import { LANGUAGE_ID } from "../protocol/languageId";
import { defaultSettings } from "../settings/settings";
import { collectFiles } from "./collectFiles";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, type CliIo } from "./io";
import { displayPath } from "./displayPath";
import { writeFileAtomically } from "./writeFileAtomically";

export const FMT_USAGE = `Usage: unitsmith fmt [--check] [--keep-spaces] PATH...
       unitsmith fmt [--check] [--keep-spaces] -   (standard input to standard output)

Formats unit files in place: Key=Value with no spaces around "=", no trailing
whitespace, one blank line between sections, a final newline. Comments, order,
continuation lines and every value are kept; what systemd reads does not change.
Files that are not valid UTF-8 or contain NUL bytes are left untouched.

  --check         change nothing; list the files that are not formatted (- for
                  standard input) and exit 1
  --keep-spaces   keep the spaces around "=" as written

Exit status: 0 done (or all formatted), 1 --check found unformatted files, 2 usage or read errors.`;

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The file's text, or why it must not be rewritten. */
function decode(bytes: Uint8Array): { text: string } | { refused: string } {
  if (bytes.includes(0)) return { refused: "contains NUL bytes; not a unit file, left untouched" };
  try {
    return { text: strictDecoder.decode(bytes) };
  } catch {
    return { refused: "is not valid UTF-8; left untouched so no byte is lost" };
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function fmtCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { check: { type: "boolean", default: false }, "keep-spaces": { type: "boolean", default: false }, help: { type: "boolean" } },
  });
  if (values.help) {
    io.stdout(`${FMT_USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length === 0)
    throw new UsageError("no paths given; name the unit files or directories to format, or - for standard input");
  // Formatting needs nothing of the machine; files over the size limit are refused below, before they are read.
  const service = createUnitLanguageService(emptyHost(), {
    format: { keepSpacesAroundEquals: values["keep-spaces"] },
    maxFileSizeKB: Number.POSITIVE_INFINITY,
  });
  const formatted = (path: string, text: string) => service.formattedText(TextDocument.create(fileUri(path), LANGUAGE_ID, 1, text))!;

  if (positionals.length === 1 && positionals[0] === "-") {
    const read = decode(await readStdin());
    if ("refused" in read) {
      io.stderr(`standard input ${read.refused}\n`);
      return EXIT_USAGE;
    }
    const text = formatted("/dev/stdin", read.text);
    if (!values.check) {
      io.stdout(text);
      return EXIT_OK;
    }
    if (text === read.text) return EXIT_OK;
    io.stdout("-\n");
    return EXIT_PROBLEMS;
  }

  const { files, errors, emptyDirectories } = await collectFiles(positionals, io.cwd, { followLinks: false });
  const maxBytes = defaultSettings.maxFileSizeKB * 1024;
  let unformatted = 0;
  for (const path of files) {
    const shown = displayPath(path, io.cwd);
    try {
      const { size } = await stat(path);
      if (size > maxBytes) {
        errors.push({
          path: shown,
          message: `is ${Math.ceil(size / 1024)} KB, over the ${defaultSettings.maxFileSizeKB} KB limit; left untouched`,
        });
        continue;
      }
      const read = decode(await readFile(path));
      if ("refused" in read) {
        errors.push({ path: shown, message: read.refused });
        continue;
      }
      const text = formatted(path, read.text);
      if (text === read.text) continue;
      unformatted++;
      if (!values.check) await writeFileAtomically(path, text);
      io.stdout(`${shown}\n`);
    } catch (error) {
      errors.push({ path: shown, message: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const error of errors) io.stderr(`${error.path}: ${error.message}\n`);
  for (const directory of emptyDirectories) io.stderr(`${directory}: a directory with no unit files in it; nothing to format there\n`);
  if (errors.length > 0) return EXIT_USAGE;
  return values.check && unformatted > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
