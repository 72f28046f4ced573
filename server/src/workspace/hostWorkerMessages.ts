import type { DirectiveHint } from "../systemd/manPages";
import type { ManualText } from "../language/host";

/** What the Node host asks of its worker thread; each question carries an id its answers repeat. */
export type HostWorkerQuestion =
  | { id: number; ask: "texts"; paths: readonly string[]; maxBytes: number }
  | { id: number; ask: "directiveDoc"; name: string; hint: DirectiveHint }
  | { id: number; ask: "termEntry"; page: string; term: string }
  | { id: number; ask: "pages"; names: readonly string[]; section: string };

/** The one answer to a question: the texts of the files asked for (undefined where one cannot be read), or a manual's text. */
export type HostWorkerAnswer = { id: number; texts: (string | undefined)[] } | { id: number; manual: ManualText | undefined };
