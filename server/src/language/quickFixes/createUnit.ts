import { CodeActionKind, type CodeAction } from "vscode-languageserver-types";
import { parseUnitName } from "../values/unitName";
import { dataOf, type Fix } from "./fixContext";

/** The sections a new unit of each type starts with: what systemd needs to load it, left to fill in. */
const SKELETONS: Readonly<Record<string, string>> = {
  service: "[Service]\n# The command to run, with its absolute path.\nExecStart=\n",
  socket: "[Socket]\n# The address to listen on: a port, an address with a port, or a socket path.\nListenStream=\n",
  timer: "[Timer]\n# When to start the service: a calendar event such as daily, or a time after boot.\nOnCalendar=\n",
  path: "[Path]\n# The path whose appearance or change starts the service.\nPathExists=\n",
  target: "",
};

/** Create the missing unit beside this file: a skeleton of its type that the author fills in. */
export const createMissingUnit: Fix = ({ uri, diagnostic }) => {
  const unit = dataOf(diagnostic).unit;
  if (typeof unit !== "string") return [];
  const parsed = parseUnitName(unit);
  const skeleton = parsed.ok ? SKELETONS[parsed.unit.type] : undefined;
  if (skeleton === undefined || !uri.startsWith("file:")) return [];
  const target = `${uri.slice(0, uri.lastIndexOf("/"))}/${encodeURIComponent(unit)}`;
  const text = `[Unit]\nDescription=${unit.replace(/\.[a-z]+$/, "")}\n${skeleton ? `\n${skeleton}` : ""}`;
  const action: CodeAction = {
    title: `Create ${unit} beside this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      documentChanges: [
        { kind: "create", uri: target, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: target, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }],
        },
      ],
    },
  };
  return [action];
};
