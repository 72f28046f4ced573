import { resolve } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileUri } from "../language/fileUri";
import { createUnitLanguageService, type UnitLanguageService } from "../language/languageService";
import { LANGUAGE_ID } from "../protocol/languageId";
import { createManPageLibrary } from "../systemd/manPages";
import { createNodeHost } from "../workspace/nodeHost";
import { EXIT_USAGE, type CliIo } from "./io";
import { readUnitFile } from "./readUnitFile";

/** A unit file is small; anything larger is refused rather than read whole. */
const MAX_BYTES = 1024 * 1024;

/**
 * The unit file or drop-in `file` as a document, with a language service on this machine's host,
 * for the commands about one unit (show, graph); or, having said why it cannot be read, the exit status.
 */
export async function openUnitDocument(
  command: string,
  file: string,
  io: CliIo,
): Promise<{ service: UnitLanguageService; document: TextDocument } | number> {
  const path = resolve(io.cwd, file);
  const read = await readUnitFile(path, MAX_BYTES).catch((error: Error) => ({ error: error.message }));
  if ("error" in read || "tooLarge" in read) {
    io.stderr(`unitsmith ${command}: ${"error" in read ? read.error : `${path} is over ${MAX_BYTES / 1024} KB; not a unit file`}\n`);
    return EXIT_USAGE;
  }
  const service = createUnitLanguageService(createNodeHost(createManPageLibrary()));
  return { service, document: TextDocument.create(fileUri(path), LANGUAGE_ID, 1, read.text) };
}

/** Says that `file` belongs to no unit, and returns the exit status for it. */
export function notAUnit(command: string, file: string, io: CliIo): number {
  io.stderr(`unitsmith ${command}: ${file} is not a unit file or a drop-in of one unit\n`);
  return EXIT_USAGE;
}
