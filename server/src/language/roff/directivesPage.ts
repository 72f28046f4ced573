// Reads systemd.directives(7): each directive it lists, with the pages that document it.
import type { ManDocument } from "./document";
import { blockText, plainText } from "./document";
import { endsStep, finished, type Steps } from "./steps";

export interface ManReference {
  name: string;
  section: string;
}

export interface ListedDirective {
  /** Without "=". */
  name: string;
  /** The heading it is listed under, e.g. "UNIT DIRECTIVES" or "NETWORK DIRECTIVES". */
  heading: string;
  pages: ManReference[];
}

const reference = /([\w.:@+-]+)\((\d\w*)\)/g;

/** `systemd.exec(5)` → {name: "systemd.exec", section: "5"}. */
export function parseManReference(text: string): ManReference | undefined {
  const match = /^([\w.:@+-]+)\((\d\w*)\)$/.exec(text.trim());
  return match ? { name: match[1]!, section: match[2]! } : undefined;
}

export function listedDirectives(document: ManDocument): ListedDirective[] {
  return finished(listedDirectiveSteps(document));
}

/** listedDirectives as steps (see steps.ts): systemd.directives(7) lists a few thousand names. */
export function* listedDirectiveSteps(document: ManDocument): Steps<ListedDirective[]> {
  const listed: ListedDirective[] = [];
  let heading = "";
  let count = 0;
  for (const block of document.blocks) {
    if (endsStep(++count)) yield;
    if (block.kind === "heading" && block.level === 1) heading = block.text;
    if (block.kind !== "definition") continue;
    const name = /^([A-Za-z][\w.:-]*)=$/.exec(plainText(block.term))?.[1];
    if (!name) continue;
    const pages = [...blockText(block.body).matchAll(reference)].map((m) => ({ name: m[1]!, section: m[2]! }));
    listed.push({ name, heading, pages });
  }
  return listed;
}
