/** Preset files: `enable`, `disable` or `ignore` and a unit name pattern, the first matching line winning. */
import { UNIT_TYPES } from "../unitKind";
import type { LineCompletion, LineCheckContext, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { finding, isCommentOrBlank, quotedText } from "./lines";
import { duplicateEntry, ineffectiveEntry, invalidField, malformedEntry } from "./rules";

const VERBS: Readonly<Record<string, string>> = {
  enable: "enable the units the pattern matches (a template with the instances listed after it)",
  disable: "disable the units the pattern matches",
  ignore: "leave the units the pattern matches as they are",
};

/** systemd 252 refuses `ignore` lines; the systemd that read them first. */
const IGNORE_SINCE = 254;

const isGlob = (pattern: string) => /[*?[]/.test(pattern);
const namesUnits = (pattern: string) => isGlob(pattern) || UNIT_TYPES.some((type) => pattern.endsWith(`.${type}`));

interface Words {
  verb: { text: string; start: number; end: number };
  rest: { text: string; start: number }[];
}

function wordsOf(text: string): Words {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
  return { verb: words[0]!, rest: words.slice(1) };
}

function check(lines: readonly string[], context: LineCheckContext = {}): LineFinding[] {
  const findings: LineFinding[] = [];
  const first = new Map<string, number>();
  lines.forEach((text, line) => {
    if (isCommentOrBlank(text, "#;")) return;
    const { verb, rest } = wordsOf(text);
    const ignoreRead = (context.systemdVersion ?? Infinity) >= IGNORE_SINCE;
    if (!(verb.text in VERBS) || (verb.text === "ignore" && !ignoreRead)) {
      const known = ignoreRead ? "enable, disable or ignore" : "enable or disable";
      findings.push(
        finding(
          malformedEntry,
          line,
          verb.start,
          verb.end,
          `A preset line starts with ${known}; systemctl cannot parse ${quotedText(verb.text)} and ignores the line.`,
        ),
      );
      return;
    }
    const [pattern, ...instances] = rest;
    const end = text.trimEnd().length;
    if (!pattern) {
      findings.push(finding(ineffectiveEntry, line, verb.start, verb.end, `${verb.text} names no unit; the line matches nothing.`));
      return;
    }
    if (verb.text === "enable" && instances.length > 0 && !pattern.text.includes("@.")) {
      findings.push(
        finding(
          invalidField,
          line,
          instances[0]!.start,
          end,
          `Only a template (name@.service) takes instances; systemctl cannot parse the line and ignores it.`,
        ),
      );
      return;
    }
    if (verb.text !== "enable" && instances.length > 0) {
      findings.push(
        finding(
          ineffectiveEntry,
          line,
          pattern.start,
          end,
          `${verb.text} takes one pattern; the words after it become part of it, and it matches no unit.`,
        ),
      );
      return;
    }
    if (!namesUnits(pattern.text)) {
      findings.push(
        finding(
          ineffectiveEntry,
          line,
          pattern.start,
          pattern.start + pattern.text.length,
          `${quotedText(pattern.text)} is neither a glob nor a unit name with a type (.service, .timer, ...); it matches no unit.`,
        ),
      );
      return;
    }
    const earlier = first.get(pattern.text);
    if (earlier !== undefined)
      findings.push(
        finding(
          duplicateEntry,
          line,
          pattern.start,
          pattern.start + pattern.text.length,
          `Line ${earlier + 1} already decides ${pattern.text}; the first matching line wins, so this one takes no effect.`,
        ),
      );
    else first.set(pattern.text, line);
  });
  return findings;
}

function complete(text: string, character: number): LineCompletion[] {
  const before = text.slice(0, character);
  if (/^\s*\S*$/.test(before))
    return Object.entries(VERBS).map(([label, detail]) => ({ label, kind: "type", detail, insertText: `${label} ` }));
  return [{ label: "*", kind: "value", detail: "every unit (usually the last line of a preset file)" }];
}

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text, "#;")) return undefined;
  const { verb, rest } = wordsOf(text);
  if (character >= verb.start && character <= verb.end && VERBS[verb.text])
    return {
      start: verb.start,
      end: verb.end,
      summary: `**${verb.text}**: ${VERBS[verb.text]}. The first line of all preset files (in file name order) that matches a unit decides.`,
    };
  const pattern = rest[0];
  if (pattern && character >= pattern.start && character <= pattern.start + pattern.text.length)
    return {
      start: pattern.start,
      end: pattern.start + pattern.text.length,
      summary: `**Unit name pattern**: a unit name or a glob (\`*\`, \`?\`, \`[...]\`) over unit names.`,
    };
  return undefined;
}

export const preset: LineFormat = {
  id: "systemd-preset",
  check,
  complete,
  hover,
  format: (lines) => lines.map((line) => (isCommentOrBlank(line, "#;") ? line.trim() : line.trim().split(/\s+/).join(" "))),
};
