import { TextDocument } from "vscode-languageserver-textdocument";
import { CodeActionKind } from "vscode-languageserver-types";
import { fileUri } from "../language/fileUri";
import type { UnitLanguageService } from "../language/languageService";
import { LANGUAGE_ID } from "../protocol/languageId";
import { verifyFile } from "../systemd/verifyFile";
import { fixText } from "./fixFile";
import type { FileDiagnostics } from "./lintReports";
import { readUnitFile } from "./readUnitFile";
import { unifiedDiff } from "./unifiedDiff";
import { writeFileAtomically } from "./writeFileAtomically";

export interface LintFileOptions {
  maxBytes: number;
  /** --fix writes the fixed file; --fix-dry-run prints the diff and reports nothing. */
  fixing?: "write" | "diff";
  /** Whether systemd-analyze verify's findings are merged in. */
  verify: boolean;
  /** Whether the report carries each finding's quick fixes (SARIF). */
  withFixes: boolean;
}

/** A line the CLI prints for a file; the note that verify is missing is printed once per run. */
export interface Said {
  stream: "stdout" | "stderr";
  text: string;
  verifyMissing?: true;
}

/**
 * What linting one file gave, printed and reported in the files' order once all are linted (so
 * files may be linted at once, or in another thread: every part is plain data).
 */
export interface FileOutcome {
  result?: FileDiagnostics;
  /** Why the file could not be linted. */
  error?: { path: string; message: string };
  said: Said[];
  /** Whether --fix changed the file, or --fix-dry-run would. */
  fixed: boolean;
}

/** The file's text after --fix (written) or as it is (--fix-dry-run prints the diff). */
async function fixFile(
  service: UnitLanguageService,
  path: string,
  shown: string,
  text: string,
  outcome: FileOutcome,
  mode: "write" | "diff",
) {
  const result = await fixText(service, fileUri(path), text);
  if ("refused" in result) {
    outcome.said.push({ stream: "stderr", text: `${shown}: ${result.refused}\n` });
    return text;
  }
  if (result.text === text) return text;
  outcome.fixed = true;
  if (mode === "diff") {
    outcome.said.push({ stream: "stdout", text: unifiedDiff(text, result.text, `a/${shown}`, `b/${shown}`) });
    return text;
  }
  await writeFileAtomically(path, result.text);
  outcome.said.push({ stream: "stderr", text: `${shown}: fixed ${result.fixed.length} (${[...new Set(result.fixed)].join(", ")})\n` });
  return result.text;
}

/** One file read, fixed when asked, verified when asked and diagnosed, as `shown` on the report. */
export async function lintFile(service: UnitLanguageService, path: string, shown: string, options: LintFileOptions): Promise<FileOutcome> {
  const outcome: FileOutcome = { said: [], fixed: false };
  try {
    const read = await readUnitFile(path, options.maxBytes);
    if (!("text" in read)) {
      outcome.result = { file: shown, diagnostics: service.unreadDiagnostics(path, read.tooLarge) };
      return outcome;
    }
    const text = options.fixing ? await fixFile(service, path, shown, read.text, outcome, options.fixing) : read.text;
    if (options.fixing === "diff") return outcome;
    const verified = options.verify ? await verifyFile(path) : undefined;
    if (verified && !verified.ran && verified.reason !== "unsupported-kind") {
      outcome.said.push({
        stream: "stderr",
        text: `${shown}: ${verified.message}\n`,
        ...(verified.reason === "binary-missing" && { verifyMissing: true }),
      });
    }
    const document = TextDocument.create(fileUri(path), LANGUAGE_ID, 1, text);
    const diagnostics = await service.diagnostics(document, verified?.ran ? verified.diagnostics : []);
    const fixes = options.withFixes
      ? new Map(diagnostics.map((d) => [d, service.codeActions(document, { diagnostics: [d], only: [CodeActionKind.QuickFix] })]))
      : undefined;
    outcome.result = { file: shown, diagnostics, ...(fixes && { fixes }) };
  } catch (error) {
    outcome.error = { path: shown, message: error instanceof Error ? error.message : String(error) };
  }
  return outcome;
}
