import type { EntryNode } from "../parser";
import type { DirectiveInfo } from "../schema/fileSchema";
import { EXEC_PREFIXES, wordHistory, type ValueHistory } from "../schema/valueVersions";
import { targetsLacking, targetsPast } from "../targets/targetList";
import { parseExecLine } from "../values/execLine";
import { splitWords } from "../values/words";
import { checkEachEntry, type Finding, type RuleFamily, type RuleInfo, type TargetSystemd } from "./rule";
import { documentSpan, knownEntryChecks, memoized } from "./valueRules";

export const newerValue: RuleInfo = {
  id: "newer-value",
  defaultSeverity: "warning",
  description: "A value or command prefix that a target systemd version does not know yet; systemd there ignores the line.",
};

export const removedValue: RuleInfo = {
  id: "removed-value",
  defaultSeverity: "warning",
  description: "A value or command prefix that systemd stopped honouring in a release the targets run.",
};

/** One part of a value whose history is known: a word of an enum, or an exec line's prefix. */
interface VersionedPart {
  /** How a message names it: `Type=notify-reload`, `The "|" prefix of ExecStart=`. */
  what: string;
  start: number;
  end: number;
  history: ValueHistory;
}

function enumParts(value: string, info: DirectiveInfo): VersionedPart[] {
  const spec = info.value;
  if (spec.kind !== "enum") return [];
  const words = spec.multiple ? splitWords(value).words : [{ text: value, start: 0, end: value.length }];
  return words.flatMap((word) => {
    const history = wordHistory(info, word.text);
    return history ? [{ what: `${info.name}=${word.text}`, start: word.start, end: word.end, history }] : [];
  });
}

function execParts(value: string, info: DirectiveInfo): VersionedPart[] {
  if (info.value.kind !== "exec") return [];
  return parseExecLine(value).commands.flatMap((command) => {
    let rest = command.prefix;
    const parts: VersionedPart[] = [];
    for (const { prefix, ...history } of EXEC_PREFIXES) {
      const at = rest.indexOf(prefix);
      if (at < 0) continue;
      rest = rest.slice(0, at) + " ".repeat(prefix.length) + rest.slice(at + prefix.length);
      const start = command.start + at;
      parts.push({ what: `The "${prefix}" prefix of ${info.name}=`, start, end: start + prefix.length, history });
    }
    return parts;
  });
}

const versionedParts = (value: string, info: DirectiveInfo) => [...enumParts(value, info), ...execParts(value, info)];

function partFinding(entry: EntryNode, part: VersionedPart, target: TargetSystemd): Finding | undefined {
  const { since, removed, note } = part.history;
  const lacking = since !== undefined ? targetsLacking(target, since) : undefined;
  if (lacking) {
    const message = `${part.what} needs systemd ${since}; ${lacking}, where systemd ignores the line.`;
    return { rule: newerValue, span: documentSpan(entry, part.start, part.end), message, data: { since } };
  }
  const past = removed !== undefined ? targetsPast(target, removed) : undefined;
  if (past) {
    const message = `${part.what} has no effect since systemd ${removed}; ${past}.${note ? ` ${note}` : ""}`;
    return { rule: removedValue, span: documentSpan(entry, part.start, part.end), message, data: { removed } };
  }
  return undefined;
}

const versionChecks = knownEntryChecks((entry, info, context) =>
  entry.value === ""
    ? []
    : memoized(context, "versions", info, entry.value, versionedParts).map((part) => partFinding(entry, part, context.target)),
);

export const valueVersionRules: RuleFamily = {
  rules: [newerValue, removedValue],
  check: (context) => checkEachEntry(versionChecks, context),
  perEntry: versionChecks,
};
