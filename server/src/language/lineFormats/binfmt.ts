/**
 * binfmt.d: `:name:type:offset:magic:mask:interpreter:flags` lines that systemd-binfmt hands to the
 * kernel; the first character is the separator, usually ":".
 */
import type { LineCompletion, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { finding, isCommentOrBlank, quotedText } from "./lines";
import { invalidField, malformedEntry } from "./rules";

const FIELDS = ["name", "type", "offset", "magic", "mask", "interpreter", "flags"] as const;

const FIELD_DOCS: Readonly<Record<(typeof FIELDS)[number], string>> = {
  name: "The rule's name, shown under /proc/sys/fs/binfmt_misc/.",
  type: "`M` to recognise files by magic bytes, `E` by their file name extension.",
  offset: "For `M`: where in the file the magic bytes start (empty for 0).",
  magic: "For `M`: the bytes to match (`\\x7fELF`); for `E`: the extension, without the dot.",
  mask: "For `M`: a bit mask over the magic bytes, as long as they are; empty for none.",
  interpreter: "The program that runs a matching file, an absolute path.",
  flags: "Any of `P` (keep argv[0]), `O` (pass an open file), `C` (credentials of the file), `F` (open the interpreter now).",
};

interface Field {
  text: string;
  start: number;
  end: number;
}

/** The fields after the first separator, with their columns. */
function fieldsOf(text: string): Field[] {
  const separator = text[0]!;
  const fields: Field[] = [];
  let start = 1;
  for (;;) {
    const next = text.indexOf(separator, start);
    const end = next < 0 ? text.length : next;
    fields.push({ text: text.slice(start, end), start, end });
    if (next < 0) return fields;
    start = next + 1;
  }
}

/** The length of magic bytes with \xHH escapes read as one byte. */
const byteLength = (text: string) => text.replace(/\\x[0-9a-fA-F]{2}/g, "_").replace(/\\./g, "_").length;

function checkLine(text: string, line: number): LineFinding[] {
  const trimmed = text.trimEnd();
  const fields = fieldsOf(trimmed);
  if (fields.length < 7)
    return [
      finding(
        malformedEntry,
        line,
        0,
        trimmed.length,
        `A binfmt.d rule has seven fields after its separator (${FIELDS.join(", ")}); the kernel refuses this one.`,
      ),
    ];
  const [name, type, offset, magic, mask, interpreter, flags] = fields as [Field, Field, Field, Field, Field, Field, Field];
  const bad = (field: Field, message: string) => [finding(invalidField, line, field.start, field.end, message)];
  if (name.text === "" || name.text.includes("/") || name.text === "." || name.text === "..")
    return bad(name, `The kernel refuses the name ${quotedText(name.text)}: it must not be empty, ".", ".." or hold "/".`);
  if (type.text !== "M" && type.text !== "E")
    return bad(type, `The type is M (magic bytes) or E (extension), not ${quotedText(type.text)}.`);
  if (type.text === "M" && offset.text !== "" && !/^\d+$/.test(offset.text))
    return bad(offset, `The offset is a number of bytes, not ${quotedText(offset.text)}.`);
  if (magic.text === "")
    return bad(magic, type.text === "M" ? "An M rule needs the magic bytes to match." : "An E rule needs the extension to match.");
  if (type.text === "E" && magic.text.includes("/")) return bad(magic, `An extension holds no "/".`);
  if (type.text === "M" && mask.text !== "" && byteLength(mask.text) !== byteLength(magic.text))
    return bad(mask, `The mask must be as long as the magic bytes (${byteLength(magic.text)} bytes).`);
  if (interpreter.text === "") return bad(interpreter, "The rule needs an interpreter.");
  const flagText = fields
    .slice(6)
    .map((f) => f.text)
    .join(text[0]);
  if (!/^[POCF]*$/.test(flagText)) return bad(flags, `The flags are letters from P, O, C and F, not ${quotedText(flagText)}.`);
  return [];
}

function complete(text: string, character: number): LineCompletion[] {
  if (text.trim() === "")
    return [
      {
        label: ":name:M::magic::/usr/bin/interpreter:",
        kind: "value",
        detail: "a rule by magic bytes",
        insertText: ":name:M::\\x00::/usr/bin/interpreter:",
      },
    ];
  const index = fieldsOf(text.slice(0, character)).length - 1;
  if (FIELDS[index] === "type")
    return [
      { label: "M", kind: "value", detail: FIELD_DOCS.type },
      { label: "E", kind: "value", detail: FIELD_DOCS.type },
    ];
  if (FIELDS[index] === "flags") return ["P", "O", "C", "F"].map((label) => ({ label, kind: "value", detail: FIELD_DOCS.flags }));
  return [];
}

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text, "#;") || character === 0) return undefined;
  const fields = fieldsOf(text.trimEnd());
  const index = fields.findIndex((field) => character >= field.start && character <= field.end);
  const name = FIELDS[Math.min(index, FIELDS.length - 1)];
  if (index < 0 || !name) return undefined;
  return { start: fields[index]!.start, end: fields[index]!.end, summary: `**${name}**: ${FIELD_DOCS[name]}` };
}

export const binfmt: LineFormat = {
  id: "systemd-binfmt",
  check: (lines) => lines.flatMap((text, line) => (isCommentOrBlank(text, "#;") ? [] : checkLine(text, line))),
  complete,
  // A field's value is completed on its own, not with the fields before it.
  wordSeparators: ":",
  hover,
};
