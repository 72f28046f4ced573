import type { RunJournalLine } from "../language/failure/explainFailure";

/** A MESSAGE journalctl prints as a string, or as an array of bytes when it is not valid UTF-8. */
function messageOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((byte) => typeof byte === "number")) return Buffer.from(value as number[]).toString("utf8");
  return undefined;
}

/** `journalctl --output=json` of one run: each entry's message, and whether the manager wrote it (it names the run in INVOCATION_ID). */
export function parseRunJournal(stdout: string): RunJournalLine[] {
  const lines: RunJournalLine[] = [];
  for (const line of stdout.split("\n")) {
    if (line.trim() === "") continue;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const message = messageOf(entry.MESSAGE);
    if (message === undefined) continue;
    lines.push({ message, fromManager: "INVOCATION_ID" in entry || "USER_INVOCATION_ID" in entry });
  }
  return lines;
}
