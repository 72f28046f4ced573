/** A problem found in a directive's value; offsets index the logical (joined) value string. */
export interface ValueProblem {
  start: number;
  end: number;
  message: string;
  severity?: "error" | "warning" | "info";
}

export function problemAt(start: number, end: number, message: string, severity?: ValueProblem["severity"]): ValueProblem {
  return severity ? { start, end, message, severity } : { start, end, message };
}

/** Quotes a piece of user text for a message, cutting very long text short. */
export function quoted(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(shown);
}
