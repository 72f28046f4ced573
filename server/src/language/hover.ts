import type { Hover, Position } from "vscode-languageserver-types";
import { nodeAt, sectionAt, type EntryNode, type UnitFile } from "./parser";
import type { TargetSystemd } from "./rules/rule";
import { directiveMarkdown } from "./schema/directiveDoc";
import { fileSchemaFor, type DirectiveInfo, type FileSchema } from "./schema/fileSchema";
import { schemaData, summaries } from "./schema/schemaData";
import { byteSizeOptions, timeSpanOptions } from "./schema/valueOptions";
import type { UnitKind } from "./unitKind";
import { formatByteSize, parseByteSize } from "./values/byteSize";
import { describeTimeSpan, parseTimeSpan } from "./values/timeSpan";

export interface HoverContext {
  file: UnitFile;
  kind: UnitKind;
  position: Position;
  target?: TargetSystemd;
}

/** A hover, and the directive it is about so the server can add the installed man page's text. */
export interface HoverResult {
  hover: Hover;
  directive?: DirectiveInfo;
}

function valueOffset(entry: EntryNode, offset: number): number | undefined {
  for (const segment of entry.segments) {
    if (offset >= segment.textStart && offset < segment.textStart + segment.length) return segment.valueStart + offset - segment.textStart;
  }
  return undefined;
}

function specifierHover(entry: EntryNode, at: number): string | undefined {
  const value = entry.value;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== "%") continue;
    const letter = value[i + 1];
    if (letter !== undefined && (at === i || at === i + 1)) {
      const known = schemaData.specifiers.find((s) => s.letter === letter);
      if (!known) return `\`%${letter}\` is not a specifier systemd knows; write \`%%\` for a literal percent sign.`;
      const summary = summaries[`specifier:%${letter}`]?.summary ?? "";
      return `**\`%${letter}\`** specifier${known.deprecated ? " (deprecated)" : ""}\n\n${summary}`.trimEnd();
    }
    i++; // skip the letter, so "%%" is one escape
  }
  return undefined;
}

/** What a value means in numbers: "90" → 1 min 30 s, "1G" → 1,073,741,824 bytes. */
function valueHover(info: DirectiveInfo, value: string): string | undefined {
  const spec = info.value;
  if (spec.kind === "timespan") {
    const parsed = parseTimeSpan(value, timeSpanOptions(spec));
    if (parsed.ok) return parsed.infinity ? "No time limit (infinity)." : `${describeTimeSpan(parsed.usec)}`;
  }
  if (spec.kind === "bytes") {
    const parsed = parseByteSize(value, byteSizeOptions(spec));
    if (parsed.ok && parsed.kind === "bytes") return `${parsed.bytes.toLocaleString("en-US")} bytes (${formatByteSize(parsed.bytes)}).`;
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

export function hover({ file, kind, position, target = {} }: HoverContext): HoverResult | undefined {
  const schema = fileSchemaFor(kind);
  if (!schema) return undefined;
  const offset = file.lines.offsetAt(position);
  const node = nodeAt(file, offset);
  if (!node) return undefined;
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
  const at = valueOffset(node, offset);
  if (at === undefined) return undefined;
  const specifier = specifierHover(node, at);
  if (specifier) return { hover: markdown(specifier, node.valueSpan.start, node.valueSpan.end) };
  const meaning = info && valueHover(info, node.value);
  return meaning ? { hover: markdown(meaning, node.valueSpan.start, node.valueSpan.end) } : undefined;
}
