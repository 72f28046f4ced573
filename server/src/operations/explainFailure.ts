import { explainFailure as explain, failureDiagnostic, type UnitSourceFile } from "../language/failure/explainFailure";
import { fileUri } from "../language/fileUri";
import { parseUnitFile } from "../language/parser";
import { unitKind } from "../language/unitKind";
import { runJournalArgv } from "../systemd/commandLines";
import { parseRunJournal } from "../systemd/runJournal";
import { parseShowOutput } from "../systemd/showOutput";
import type { Answer, ExplainFailureResult } from "../protocol/operationResults";
import type { ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { fail } from "./failures";
import { withSession, type Session } from "./session";

const FAILURE_PROPERTIES = ["Result", "ExecMainCode", "ExecMainStatus", "InvocationID", "ActiveState", "FragmentPath", "DropInPaths"];

/** The files systemd loaded the unit from; the file the request named stands for the installed copy of itself. */
async function sourceFiles(context: OperationContext, record: Record<string, string>, named?: string): Promise<UnitSourceFile[]> {
  const fragment = record.FragmentPath ?? "";
  const ownFile = named !== undefined && !unitKind(named).dropIn ? named : undefined;
  const paths = [ownFile ?? fragment, ...(record.DropInPaths ?? "").split(/\s+/)].filter((path) => path !== "");
  const files: UnitSourceFile[] = [];
  for (const path of paths) {
    const text = await context.files.read(path).catch(() => undefined);
    if (text !== undefined) files.push({ path, file: parseUnitFile(text) });
  }
  return files;
}

async function runJournal(session: Session, invocationId: string) {
  if (invocationId === "") return [];
  const result = await session.run(runJournalArgv(session.scope, invocationId), {
    timeoutMs: session.context.timeouts.journalMs,
    okCodes: [0, 1],
  });
  return parseRunJournal(result.stdout);
}

/** Why the unit's last run failed: `systemctl show` for its result, the journal of that run only, mapped onto its files. */
export function explainFailure(
  context: OperationContext,
  target: ResolvedUnit,
  signal?: AbortSignal,
): Promise<Answer<ExplainFailureResult>> {
  return withSession(
    context,
    target.scope,
    signal,
    async (session) => {
      const shown = await session.systemctl(["show", `--property=${FAILURE_PROPERTIES.join(",")}`, "--", target.unit]);
      const [record] = parseShowOutput(shown.stdout);
      if (!record) fail("command-failed", `systemctl show printed nothing for ${target.unit}`);
      const journal = await runJournal(session, record.InvocationID ?? "");
      const explanation = explain(
        {
          result: record.Result ?? "",
          execMainCode: Number(record.ExecMainCode ?? 0),
          execMainStatus: Number(record.ExecMainStatus ?? 0),
          journal,
        },
        await sourceFiles(context, record, target.path),
      );
      const base = { ok: true as const, unit: target.unit, scope: target.scope, journal: journal.map((line) => line.message) };
      if (!explanation) {
        return {
          ...base,
          failed: false,
          message: `${target.unit} did not fail (it is ${record.ActiveState ?? "in an unknown state"}).`,
          diagnostics: [],
        };
      }
      const { place } = explanation;
      return {
        ...base,
        failed: true,
        cause: explanation.cause,
        message: `${target.unit} failed: ${explanation.message}`,
        diagnostics: place ? [{ uri: fileUri(place.path), diagnostics: [failureDiagnostic({ ...explanation, place })] }] : [],
      };
    },
    { lock: false },
  );
}
