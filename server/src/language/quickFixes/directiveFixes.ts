import { effective } from "../rules/semanticAssignments";
import { addToSection, deleteEntry, rangeOf } from "./edits";
import { dataOf, quickFix, stringsIn, type Fix } from "./fixContext";
import { successorValue } from "./successorValue";

/** unknown-directive: the name the rule suggested, moved to its section when it lives in another. */
export const renameDirective: Fix = (context) => {
  const { file, entry, schema } = context;
  const data = dataOf(context.diagnostic);
  const suggestion = data.suggestion;
  if (!entry || !schema || typeof suggestion !== "string") return [];
  const sections = stringsIn(data.sections);
  const sameWord = suggestion.toLowerCase() === entry.key.toLowerCase();
  if (sections.length === 0) {
    return [
      quickFix(
        context,
        `Change to ${suggestion}=`,
        [{ range: rangeOf(file, entry.keySpan.start, entry.keySpan.end), newText: suggestion }],
        sameWord,
      ),
    ];
  }
  const line = `${suggestion}=${file.text.slice(entry.valueSpan.start, entry.valueSpan.end)}`;
  return sections.map((section) =>
    quickFix(context, `Change to ${suggestion}= in [${section}]`, [
      deleteEntry(file, entry),
      addToSection(file, section, line, schema.sections),
    ]),
  );
};

/** misplaced-directive: the entry as written, moved to the section it belongs in (created if missing). */
export const moveDirective: Fix = (context) => {
  const { file, entry, schema } = context;
  const sections = stringsIn(dataOf(context.diagnostic).sections);
  if (!entry || !schema) return [];
  const line = file.text.slice(entry.start, entry.contentEnd).trimStart();
  return sections.map((section) =>
    quickFix(
      context,
      `Move ${entry.key}= to [${section}]`,
      [deleteEntry(file, entry), addToSection(file, section, line, schema.sections)],
      sections.length === 1,
    ),
  );
};

/** deprecated-directive and removed-directive: the successor, with the value converted and in its own section. */
export const replaceWithSuccessor: Fix = (context) => {
  const { file, entry, section, schema } = context;
  if (!entry || !section || !schema) return [];
  const replacement = schema.directive(section.name, entry.key)?.change?.replacement;
  if (!replacement) return [];
  const target = replacement.section ?? section.name;
  const successor = schema.directive(target, replacement.name);
  // PermissionsStartOnly= names ExecStart= as its successor, but the fix is a prefix on each command.
  if (!successor || successor.value.kind === "exec") return [];
  if (effective(file, target, successor.name)) {
    return [quickFix(context, `Remove ${entry.key}= (${successor.name}= is already set)`, [deleteEntry(file, entry)], true)];
  }
  const value = successorValue(entry.key, entry.value);
  if (value === undefined) return [];
  const line = `${successor.name}=${value}`;
  if (target === section.name) {
    return [
      quickFix(context, `Replace with ${line}`, [{ range: rangeOf(file, entry.keySpan.start, entry.contentEnd), newText: line }], true),
    ];
  }
  return [
    quickFix(
      context,
      `Replace with ${line} in [${target}]`,
      [deleteEntry(file, entry), addToSection(file, target, line, schema.sections)],
      true,
    ),
  ];
};
