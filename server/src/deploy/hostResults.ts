import { unifiedDiff } from "../cli/unifiedDiff";
import type { HostDeployResult } from "../protocol/deploy";
import { JOURNAL_TASK } from "./playbook";

interface Diff {
  before?: string;
  after?: string;
  before_header?: string;
  after_header?: string;
}

interface TaskEvent {
  host: string;
  task: string;
  status: "ok" | "changed" | "failed" | "ignored" | "skipped" | "unreachable";
  msg?: string;
  stdout?: string;
  diff?: Diff | Diff[];
  results?: { item?: unknown; changed: boolean; failed: boolean; msg?: string; diff?: Diff | Diff[] }[];
}

/** The events the callback printed, one JSON object a line; anything else on stdout is not ours. */
export function parseEvents(stdout: string): TaskEvent[] {
  const events: TaskEvent[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const event = JSON.parse(line) as TaskEvent;
      if (typeof event.host === "string" && typeof event.status === "string") events.push(event);
    } catch {
      // A line of something else that happened to start with a brace.
    }
  }
  return events;
}

function diffsOf(event: TaskEvent, destOf: ReadonlyMap<string, string>): string[] {
  const all = [event.diff, ...(event.results ?? []).filter((item) => item.changed).map((item) => item.diff)].flat();
  return all
    .filter((diff): diff is Diff => typeof diff === "object" && diff !== null && typeof diff.after === "string")
    .map((diff) => {
      // ansible.builtin.copy names the diff by the local source: it is about the file on the host.
      const header = diff.before_header ?? diff.after_header ?? "file";
      const name = destOf.get(header) ?? header;
      return unifiedDiff(diff.before ?? "", diff.after ?? "", name, name);
    })
    .filter((text) => text !== "");
}

/**
 * Each host's outcome: failed (with systemd's reason and the unit's journal), changed (with the
 * files' diffs, named by their place on the host: `destOf` maps each source to it), or unchanged.
 */
export function hostResults(events: readonly TaskEvent[], destOf: ReadonlyMap<string, string> = new Map()): HostDeployResult[] {
  const hosts = new Map<string, HostDeployResult>();
  for (const event of events) {
    const host = hosts.get(event.host) ?? { host: event.host, status: "unchanged", diffs: [] };
    hosts.set(event.host, host);
    if (event.task.startsWith(JOURNAL_TASK) && event.stdout !== undefined) host.journal = event.stdout;
    if (event.status === "failed" || event.status === "unreachable") {
      host.status = "failed";
      // A loop's own message only says that it ended ("All items completed"): the failed item's says why.
      host.reason = (event.results?.find((item) => item.failed)?.msg ?? event.msg ?? `${event.task} failed`).trim();
    } else if (event.status === "changed" && host.status !== "failed") {
      host.status = "changed";
    }
    host.diffs.push(...diffsOf(event, destOf));
  }
  return [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host));
}
