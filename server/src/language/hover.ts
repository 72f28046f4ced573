import type { Hover, Position } from "vscode-languageserver-types";
import { valueOffsetAt } from "./entryOffsets";
import { suppressionHover } from "./suppressionAssist";
import { nodeAt, sectionAt, type EntryNode, type UnitFile } from "./parser";
import type { TargetSystemd } from "./rules/rule";
import { directiveMarkdown } from "./schema/directiveDoc";
import { fileSchemaFor, type DirectiveInfo, type FileSchema } from "./schema/fileSchema";
import { enumValueMeaning, schemaData, summaries } from "./schema/schemaData";
import { byteSizeOptions, timeSpanOptions } from "./schema/valueOptions";
import type { UnitKind } from "./unitKind";
import type { UnitCatalog } from "./unitCatalog";
import { unitReferenceMarkdown } from "./unitHover";
import { unitReferenceAt } from "./unitReferences";
import { describeExpansion, expandSpecifier, type SpecifierEnvironment } from "./specifierExpansion";
import { formatByteSize, parseByteSize } from "./values/byteSize";
import { describeTimeSpan, parseTimeSpan } from "./values/timeSpan";
import { timerHover, type ScheduleContext } from "./timerHover";

export interface HoverContext {
  file: UnitFile;
  kind: UnitKind;
  position: Position;
  target?: TargetSystemd;
  /** The units this file may refer to; a unit name's hover describes it only with it. */
  units?: UnitCatalog;
  /** The document's path and the machine's facts, to show what a specifier expands to here. */
  specifiers?: Omit<SpecifierEnvironment, "kind">;
  /** The clock and zone a timer's next elapses are shown in; now and the runtime's zone by default. */
  schedule?: ScheduleContext;
  /** Where the rule pages are, for a rule id named in a suppression comment. */
  rulePages?: string;
}

/** A hover, and the directive it is about so the server can add the installed man page's text. */
export interface HoverResult {
  hover: Hover;
  directive?: DirectiveInfo;
}

function specifierHover(entry: EntryNode, at: number, environment: SpecifierEnvironment): string | undefined {
  const value = entry.value;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== "%") continue;
    const letter = value[i + 1];
    if (letter !== undefined && (at === i || at === i + 1)) {
      const known = schemaData.specifiers.find((s) => s.letter === letter);
      if (!known) return `\`%${letter}\` is not a specifier systemd knows; write \`%%\` for a literal percent sign.`;
      const summary = summaries[`specifier:%${letter}`]?.summary ?? "";
      const expansion = expandSpecifier(letter, environment);
      const here = expansion ? `\n\nIn this file: ${describeExpansion(expansion)}` : "";
      return `**\`%${letter}\`** specifier${known.deprecated ? " (deprecated)" : ""}\n\n${summary}${here}`.trimEnd();
    }
    i++; // skip the letter, so "%%" is one escape
  }
  return undefined;
}

/** 1073741824 → "1,073,741,824", as toLocaleString("en-US") writes it without asking Intl on every hover. */
const groupThousands = (n: bigint): string => n.toString().replace(/\B(?=(\d{3})+$)/g, ",");

/** What a value means in numbers: "90" → 1 min 30 s, "1G" → 1,073,741,824 bytes. */
function valueHover(info: DirectiveInfo, value: string): string | undefined {
  const spec = info.value;
  if (spec.kind === "timespan") {
    const parsed = parseTimeSpan(value, timeSpanOptions(spec));
    if (parsed.ok) return parsed.infinity ? "No time limit (infinity)." : `${describeTimeSpan(parsed.usec)}`;
  }
  if (spec.kind === "bytes") {
    const parsed = parseByteSize(value, byteSizeOptions(spec));
    if (parsed.ok && parsed.kind === "bytes") return `${groupThousands(parsed.bytes)} bytes (${formatByteSize(parsed.bytes)}).`;
  }
  if (spec.kind === "enum") {
    // The value itself, or the form its prefix names (StandardOutput=file:/var/log/x).
    const prefix = spec.prefixes?.find((p) => value.startsWith(p));
    const meaning = enumValueMeaning(info.family, info.section, info.name, prefix ?? value);
    if (meaning) return `**${info.name}=${prefix ?? value}**: ${meaning}`;
  }
  return undefined;
}

function sectionMarkdown(schema: FileSchema, name: string): string {
  const summary = schema.sectionSummary(name)?.summary;
  const count = schema.directives(name).length;
  return [`**[${name}]** section of a ${schema.description}`, "", summary ?? "", "", `${count} directives.`]
    .filter((l, i, a) => l !== "" || a[i - 1] !== "")
    .join("\n")
    .trimEnd();
}

export function hover({
  file,
  kind,
  position,
  target = {},
  units,
  specifiers,
  schedule,
  rulePages,
}: HoverContext): HoverResult | undefined {
  const schema = fileSchemaFor(kind);
  if (!schema) return undefined;
  const offset = file.lines.offsetAt(position);
  const node = nodeAt(file, offset);
  if (!node) return undefined;
  if (node.kind === "comment") {
    const suppression = suppressionHover(file, node, offset, rulePages);
    return suppression && { hover: suppression };
  }
  const markdown = (value: string, start: number, end: number): Hover => ({
    contents: { kind: "markdown", value },
    range: file.lines.rangeOf(start, end),
  });

  if (node.kind === "section") {
    if (!schema.sections.includes(node.name)) return undefined;
    return { hover: markdown(sectionMarkdown(schema, node.name), node.nameSpan.start, node.nameSpan.end) };
  }
  if (node.kind !== "entry") return undefined;
  const section = sectionAt(file, offset);
  const info = section && schema.directive(section.name, node.key);
  if (offset >= node.keySpan.start && offset <= node.keySpan.end) {
    return info ? { hover: markdown(directiveMarkdown(info, target), node.keySpan.start, node.keySpan.end), directive: info } : undefined;
  }
  const at = valueOffsetAt(node, offset);
  if (at === undefined) return undefined;
  const specifier = specifierHover(node, at, { ...specifiers, kind });
  if (specifier) return { hover: markdown(specifier, node.valueSpan.start, node.valueSpan.end) };
  const reference = units && unitReferenceAt(file, kind, offset);
  if (reference) return { hover: markdown(unitReferenceMarkdown(reference, units), reference.start, reference.end) };
  const timer = info && section && timerHover(section, node, schedule ?? { now: Date.now() });
  if (timer) return { hover: markdown(timer, node.valueSpan.start, node.valueSpan.end) };
  const meaning = info && valueHover(info, node.value);
  return meaning ? { hover: markdown(meaning, node.valueSpan.start, node.valueSpan.end) } : undefined;
}
