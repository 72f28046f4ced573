import { existsSync, readFileSync } from "node:fs";

/** One line of the log lspRecorder.cjs writes. */
export interface LogEntry {
  at: number;
  from: "client" | "server" | "recorder";
  message?: LspMessage;
  unparsed?: string;
}

export interface LspMessage {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** Everything recorded so far, oldest first; an entry whose line is still being written is left for the next read. */
export function readLog(path: string): LogEntry[] {
  if (!existsSync(path)) return [];
  const entries: LogEntry[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as LogEntry);
    } catch {
      // the last line, half written
    }
  }
  return entries;
}

/** Requests (and notifications) the editor sent with this method. */
export function clientMessages(entries: LogEntry[], method: string): LspMessage[] {
  return entries.flatMap((e) => (e.from === "client" && e.message?.method === method ? [e.message] : []));
}

/** Notifications the server sent with this method. */
export function serverNotifications(entries: LogEntry[], method: string): LspMessage[] {
  return entries.flatMap((e) => (e.from === "server" && e.message?.method === method && e.message.id === undefined ? [e.message] : []));
}

/** The server's answer to the request with this id, if it has answered. */
export function responseTo(entries: LogEntry[], id: number | string | undefined): LspMessage | undefined {
  if (id === undefined) return undefined;
  return entries.find((e) => e.from === "server" && e.message?.id === id && e.message.method === undefined)?.message;
}

/** A one-line-a-message summary of the log, for failure messages. */
export function summarise(entries: LogEntry[]): string {
  return entries
    .map((e) => {
      const m = e.message;
      const what = m
        ? (m.method ?? `response ${String(m.id)}${m.error ? ` error ${m.error.message}` : ""}`)
        : (e.unparsed ?? JSON.stringify(e));
      return `  ${String(e.at).padStart(6)} ms ${e.from}: ${what}`;
    })
    .join("\n");
}
