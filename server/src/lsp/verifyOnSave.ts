import type { Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Logger } from "./logger";
import { unitKind } from "../language/unitKind";
import type { Settings } from "../settings/settings";
import { verifyDocument, type VerifyOutcome } from "../systemd/analyzeVerify";
import { parentUnitBeside } from "../systemd/verifyFile";
import { pathOfUri as documentPath } from "../language/fileUri";
import { VersionedDiagnostics } from "./versionedDiagnostics";

/**
 * Runs systemd-analyze verify when a document is saved and keeps what it found for that version.
 * A newer edit cancels the run and drops the findings, whose lines would no longer match.
 */
export class VerifyOnSave {
  private readonly running = new Map<string, AbortController>();
  private readonly results = new VersionedDiagnostics();
  private binaryMissingShown = false;

  constructor(
    private readonly onResult: (uri: string) => void,
    private readonly logger: Logger,
    private readonly tellUser: (message: string) => void,
  ) {}

  /** The findings for this exact version of the document, if a run finished for it. */
  diagnosticsFor(document: TextDocument): Diagnostic[] {
    return this.results.get(document);
  }

  async saved(document: TextDocument, settings: Settings): Promise<void> {
    if (!settings.verify.onSave || this.binaryMissingShown) return;
    this.forget(document.uri);
    const controller = new AbortController();
    this.running.set(document.uri, controller);
    const path = documentPath(document.uri);
    const outcome = await verifyDocument({
      path,
      text: document.getText(),
      kind: unitKind(path),
      findParentUnit: (dropIn, dropInPath) => parentUnitBeside(dropIn, dropInPath),
      signal: controller.signal,
      timeoutMs: settings.verify.timeoutSeconds * 1000,
      showEnvironmentNoise: settings.verify.showEnvironmentNoise,
    });
    if (this.running.get(document.uri) !== controller) return;
    this.running.delete(document.uri);
    this.record(document, outcome);
  }

  /** The document changed or closed: stop any run and drop its findings. */
  forget(uri: string): void {
    this.running.get(uri)?.abort();
    this.running.delete(uri);
    if (this.results.delete(uri)) this.onResult(uri);
  }

  private record(document: TextDocument, outcome: VerifyOutcome): void {
    if (outcome.ran) {
      this.results.set(document.uri, document.version, outcome.diagnostics);
      this.onResult(document.uri);
      return;
    }
    switch (outcome.reason) {
      case "binary-missing":
        this.binaryMissingShown = true;
        this.tellUser(`${outcome.message}. Unitsmith's own checks go on; install systemd to have saved units verified by systemd itself.`);
        break;
      case "timed-out":
      case "failed":
        this.logger.error(`systemd-analyze verify for ${document.uri}: ${outcome.message}`);
        break;
      default:
        break;
    }
  }
}
