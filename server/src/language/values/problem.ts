/** A problem found in a directive's value; offsets index the logical (joined) value string. */
export interface ValueProblem {
  start: number;
  end: number;
  message: string;
  severity?: "error" | "warning" | "info";
  /** Text to put in place of [start, end) where one reading is clearly meant; offered as quick fixes. */
  suggestions?: string[];
  /** The lint rule that reports it, where that is not the value rules' own (invalid/questionable value). */
  rule?: "unknown-capability" | "literal-percent" | "deprecated-specifier";
}

export function problemAt(start: number, end: number, message: string, severity?: ValueProblem["severity"]): ValueProblem {
  return severity ? { start, end, message, severity } : { start, end, message };
}

/** Quotes a piece of user text for a message, cutting very long text short. */
export function quoted(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(shown);
}
