/** environment.d: `NAME=value` lines that systemd-environment-d-generator sets for the user manager. */
import type { LineCompletion, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { checkAssignments, type Assignment } from "./assignments";
import { isCommentOrBlank } from "./lines";

const COMMON: Readonly<Record<string, string>> = {
  PATH: "where programs are looked up",
  XDG_DATA_DIRS: "where data files (applications, icons) are looked up after the user's own",
  XDG_CONFIG_DIRS: "where configuration is looked up after the user's own",
  LANG: "the locale",
  EDITOR: "the editor programs open",
  SSH_AUTH_SOCK: "the socket of the SSH agent",
  MOZ_ENABLE_WAYLAND: "whether Firefox runs on Wayland",
  QT_QPA_PLATFORM: "which display platform Qt uses",
};

const EXPANSIONS =
  "`$NAME` and `${NAME}` take an earlier value; `${NAME:-default}` a default when it is unset or empty; `${NAME:+alternative}` the alternative when it is set.";

/** Whether the value uses the key's own earlier value (`PATH=$PATH:...`). */
const usesItself = (assignment: Assignment) => new RegExp(`\\$\\{?${assignment.key}(?![A-Za-z0-9_])`).test(assignment.value);

const checkEnvironmentD = (lines: readonly string[]): LineFinding[] =>
  checkAssignments(lines, { reader: "the generator and the user manager", keepsEarlier: usesItself });

function complete(text: string, character: number): LineCompletion[] {
  const equals = text.indexOf("=");
  if (equals < 0 || character <= equals)
    return Object.entries(COMMON).map(([label, detail]) => ({ label, kind: "key", detail, insertText: `${label}=` }));
  return [];
}

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text)) return undefined;
  const equals = text.indexOf("=");
  const keyStart = text.search(/\S/);
  if (equals > 0 && character >= keyStart && character < equals) {
    const key = text.slice(keyStart, equals).trim();
    const known = COMMON[key];
    return {
      start: keyStart,
      end: keyStart + key.length,
      summary: `**${key}**${known ? `: ${known}` : ""}; set for the services of the user manager (and the programs they start).`,
    };
  }
  const expansion = [...text.matchAll(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g)].find(
    (m) => character >= m.index! && character <= m.index! + m[0].length,
  );
  if (expansion) return { start: expansion.index!, end: expansion.index! + expansion[0].length, summary: `**Expansion**: ${EXPANSIONS}` };
  return undefined;
}

export const environmentD: LineFormat = {
  id: "systemd-environment",
  check: checkEnvironmentD,
  complete,
  hover,
  format: (lines) =>
    lines.map((line) => (isCommentOrBlank(line) ? line.trimEnd() : line.replace(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/, "$1=").trimEnd())),
};
