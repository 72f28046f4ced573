import { InlayHintKind, type InlayHint, type Range } from "vscode-languageserver-types";
import { nextElapseLabel, type ScheduleContext } from "./calendar/timerSchedule";
import { documentOffsetOf } from "./entryOffsets";
import type { EntryNode, UnitFile } from "./parser";
import { fileSchemaFor, type DirectiveInfo } from "./schema/fileSchema";
import { timeSpanOptions } from "./schema/valueOptions";
import { expandSpecifier, type SpecifierEnvironment } from "./specifierExpansion";
import type { UnitKind } from "./unitKind";
import { findSpecifiers } from "./values/specifiers";
import { formatTimeSpan, parseTimeSpan } from "./values/timeSpan";

export interface InlayHintOptions {
  /** Show what each specifier expands to in this file. */
  specifiers?: boolean;
  /** Show time spans as systemd prints them, e.g. `90` → `1min 30s`. */
  timeSpans?: boolean;
  /** Show when each OnCalendar= of a timer next elapses. */
  calendarElapses?: boolean;
  /** The clock and zone for those; now and the runtime's zone by default. */
  schedule?: ScheduleContext;
  /** The document's path and the machine's facts, for the expansions. */
  environment?: Omit<SpecifierEnvironment, "kind">;
}

function timeSpanHint(file: UnitFile, entry: EntryNode, info: DirectiveInfo): InlayHint | undefined {
  if (info.value.kind !== "timespan") return undefined;
  const parsed = parseTimeSpan(entry.value, timeSpanOptions(info.value));
  if (!parsed.ok || parsed.infinity) return undefined;
  const normal = formatTimeSpan(parsed.usec);
  if (normal === entry.value.trim()) return undefined;
  return {
    position: file.lines.positionAt(entry.valueSpan.end),
    label: `= ${normal}`,
    kind: InlayHintKind.Type,
    paddingLeft: true,
  };
}

function elapseHint(file: UnitFile, entry: EntryNode, schedule: ScheduleContext): InlayHint | undefined {
  const label = nextElapseLabel(entry.value, schedule);
  return label === undefined ? undefined : { position: file.lines.positionAt(entry.valueSpan.end), label, paddingLeft: true };
}

function specifierHints(file: UnitFile, entry: EntryNode, environment: SpecifierEnvironment): InlayHint[] {
  return findSpecifiers(entry.value).flatMap((occurrence): InlayHint[] => {
    if (occurrence.letter === "%" || !occurrence.known) return [];
    const value = expandSpecifier(occurrence.letter, environment)?.value;
    if (value === undefined) return [];
    return [
      {
        position: file.lines.positionAt(documentOffsetOf(entry, occurrence.end - 1) + 1),
        label: `=${value === "" ? '""' : value}`,
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
        paddingRight: true,
        tooltip: `%${occurrence.letter} expands to ${value === "" ? "an empty string" : value} in this file`,
      },
    ];
  });
}

/** Hints for the entries that touch `range`: specifier expansions, normalised time spans and timers' next elapses, as enabled. */
export function inlayHints(file: UnitFile, kind: UnitKind, range: Range, options: InlayHintOptions): InlayHint[] {
  const schema = fileSchemaFor(kind);
  if (!schema || (!options.specifiers && !options.timeSpans && !options.calendarElapses)) return [];
  const from = file.lines.offsetAt(range.start);
  const to = file.lines.offsetAt(range.end);
  const environment: SpecifierEnvironment = { ...options.environment, kind };
  const hints: InlayHint[] = [];
  for (const section of file.sections) {
    for (const entry of section.entries) {
      if (entry.contentEnd < from || entry.start > to) continue;
      const info = schema.directive(section.name, entry.key);
      if (options.specifiers) hints.push(...specifierHints(file, entry, environment));
      const time = options.timeSpans && info && timeSpanHint(file, entry, info);
      if (time) hints.push(time);
      const elapse = options.calendarElapses && section.name === "Timer" && entry.key === "OnCalendar" && info;
      const next = elapse && elapseHint(file, entry, options.schedule ?? { now: Date.now() });
      if (next) hints.push(next);
    }
  }
  return hints;
}
