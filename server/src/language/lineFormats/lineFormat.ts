/** What each line-based format (tmpfiles.d, sysusers.d, udev rules, ...) gives the language service. */
import type { LineFormatLanguageId } from "../../protocol/lineFormatLanguages";
import type { RuleInfo } from "../rules/rule";

/** A problem on one line; start and end are columns of that line. */
export interface LineFinding {
  rule: RuleInfo;
  line: number;
  start: number;
  end: number;
  message: string;
}

export type LineCompletionKind = "type" | "key" | "value" | "operator";

export interface LineCompletion {
  label: string;
  kind: LineCompletionKind;
  /** One line shown beside the label. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What is inserted, where it differs from the label. */
  insertText?: string;
}

/** Where the man page says more: the page ("tmpfiles.d(5)") and the term its entry is listed under ("f"). */
export interface ManualTerm {
  page: string;
  term: string;
}

export interface LineHover {
  start: number;
  end: number;
  /** Our own summary, Markdown. */
  summary: string;
  manual?: ManualTerm;
}

/** What a check may depend on beyond the text. */
export interface LineCheckContext {
  /** The systemd the file is written for; the newest when unknown. */
  systemdVersion?: number;
  /** The directories `directories` named, each with the names in it; undefined where there is none or it cannot be read. */
  listings?: ReadonlyMap<string, ReadonlySet<string> | undefined>;
}

export interface LineFormat {
  id: LineFormatLanguageId;
  /** The lines of the file (without line ends), each checked as the reading program reads it. */
  check(lines: readonly string[], context?: LineCheckContext): LineFinding[];
  /** Characters besides white space that end the word completion replaces (binfmt.d's ":" between fields). */
  wordSeparators?: string;
  /** Directories of the machine whose listings `check` judges the lines against (sysctl.d: /proc/sys). */
  directories?(lines: readonly string[]): string[];
  /** Completions at a column of one line. */
  complete(line: string, character: number): LineCompletion[];
  hover(line: string, character: number): LineHover | undefined;
  /** The file in its canonical form, for formats that have one; undefined when a line cannot be read. */
  format?(lines: readonly string[]): string[] | undefined;
}
