import { parseUnitFile, type Span } from "../parser";

/** [Install] entries that make `systemctl enable` start the service with a target, at boot or login. */
const TARGET_LINKS = new Set(["WantedBy", "RequiredBy", "UpheldBy"]);

export interface BootInstall {
  /** The entries as written, such as "WantedBy=multi-user.target". */
  entries: string[];
  /** What to delete to leave starting to the timer or socket: the entries, or the whole section when nothing else is in it. */
  deletions: Span[];
}

/**
 * A service that a timer or socket starts should not also be enabled for a target: it would run at
 * boot as well. What in `text` does that, or undefined when nothing does.
 */
export function bootInstall(text: string): BootInstall | undefined {
  const entries: string[] = [];
  const deletions: Span[] = [];
  for (const section of parseUnitFile(text).sections) {
    if (section.name !== "Install") continue;
    const links = section.entries.filter((entry) => TARGET_LINKS.has(entry.key));
    if (links.length === 0) continue;
    entries.push(...links.map((entry) => `${entry.key}=${entry.value}`));
    if (links.length === section.entries.length) deletions.push({ start: section.start, end: section.end });
    else deletions.push(...links.map((entry) => ({ start: entry.start, end: entry.end })));
  }
  return entries.length === 0 ? undefined : { entries, deletions };
}
