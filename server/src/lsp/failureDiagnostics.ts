import type { Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { COMMANDS } from "../protocol/commands";
import type { Answer, ExplainFailureResult, OperationResult } from "../protocol/operationResults";

/** The commands after which a unit that failed is explained on its line. */
const STARTING: readonly string[] = [COMMANDS.start, COMMANDS.restart, COMMANDS.enableNow, COMMANDS.install];

const failedAfterStart = (answer: Answer<OperationResult>) =>
  !answer.ok ? answer.reason === "command-failed" : "state" in answer && answer.state?.failed === true;

const startedFine = (answer: Answer<OperationResult>) => answer.ok && "state" in answer && answer.state?.run === "running";

/**
 * Why a unit failed, on its line in each open document: set after "Explain Failure", or after the
 * editor started a unit that failed; gone when the document changes (another version) or the unit
 * runs again.
 */
export class FailureDiagnostics {
  private readonly entries = new Map<string, { version: number; unit: string; diagnostics: Diagnostic[] }>();

  constructor(
    private readonly documentOf: (uri: string) => TextDocument | undefined,
    /** Runs explainFailure with the argument of the command that failed to start the unit. */
    private readonly explain: (args: unknown) => Promise<Answer<OperationResult>>,
    /** Called with the URIs whose diagnostics changed. */
    private readonly changed: (uris: string[]) => void,
  ) {}

  get(document: TextDocument): Diagnostic[] {
    const entry = this.entries.get(document.uri);
    return entry && entry.version === document.version ? entry.diagnostics : [];
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Sees every operation's answer. */
  async answered(command: string, args: unknown, answer: Answer<OperationResult>): Promise<void> {
    if (command === COMMANDS.explainFailure) {
      if (answer.ok && "failed" in answer) this.show(answer);
      return;
    }
    if (!STARTING.includes(command)) return;
    if (startedFine(answer) && "unit" in answer) this.clear(answer.unit);
    else if (failedAfterStart(answer)) {
      const explained = await this.explain(args);
      if (explained.ok && "failed" in explained) this.show(explained);
    }
  }

  private clear(unit: string): void {
    const uris = [...this.entries].filter(([, entry]) => entry.unit === unit).map(([uri]) => uri);
    for (const uri of uris) this.entries.delete(uri);
    if (uris.length > 0) this.changed(uris);
  }

  private show(result: ExplainFailureResult): void {
    this.clear(result.unit);
    const shown: string[] = [];
    for (const { uri, diagnostics } of result.diagnostics) {
      const document = this.documentOf(uri);
      if (!document) continue;
      this.entries.set(uri, { version: document.version, unit: result.unit, diagnostics });
      shown.push(uri);
    }
    if (shown.length > 0) this.changed(shown);
  }
}
