import { parseUnitFile, type UnitFile } from "../../server/src/language/parser";
import { documentOf, testService } from "../../server/test/service";
import { DocumentGeometry } from "./documentGeometry";

/** What a reader of the file sees, in order: sections, directives and values, comments, malformed lines. */
function reading(file: UnitFile): string[] {
  return file.nodes.flatMap((node) => {
    switch (node.kind) {
      case "section":
        return [`[${node.name}]`];
      case "entry":
        return [`${node.key}=${node.value}`, ...node.innerComments.map((c) => file.text.slice(c.start, c.contentEnd).trim())];
      case "comment":
        return [file.text.slice(node.start, node.contentEnd).trim()];
      case "malformed":
        return [`malformed:${node.content}`];
      default:
        return [];
    }
  });
}

/** Formatting is idempotent, its edits produce the formatted text, and every directive, value and comment survives. */
export function formattingProblems(text: string): string[] {
  const service = testService();
  const file = parseUnitFile(text);
  const once = service.formattedText(documentOf("/x/unit.service", text))!;
  const problems: string[] = [];
  const viaEdits = new DocumentGeometry(text).apply(service.format(documentOf("/x/unit.service", text)));
  if (viaEdits !== once) problems.push(`formatting edits give ${JSON.stringify(viaEdits)}, the formatter ${JSON.stringify(once)}`);
  const twice = service.formattedText(documentOf("/x/unit.service", once));
  if (twice !== once) problems.push(`formatting is not idempotent: ${JSON.stringify(once)} became ${JSON.stringify(twice)}`);
  const before = reading(file);
  const after = reading(parseUnitFile(once));
  if (JSON.stringify(before) !== JSON.stringify(after))
    problems.push(`formatting changed what systemd reads: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  return problems;
}
