import type { TextDocuments } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { pathOfUri } from "../language/fileUri";
import { renderEffectiveUnit, type UnitLanguageHost, type UnitLanguageService } from "../language/languageService";
import { EFFECTIVE_UNIT, type EffectiveUnitAnswer } from "../protocol/commands";
import { LANGUAGE_ID } from "../protocol/languageId";

const MAX_BYTES = 1024 * 1024;

/** Answers EFFECTIVE_UNIT for a document open in the editor, or for a file on disk. */
export async function effectiveUnitCommand(
  args: unknown,
  documents: TextDocuments<TextDocument>,
  service: UnitLanguageService,
  host: UnitLanguageHost,
): Promise<EffectiveUnitAnswer> {
  const uri = (args as { uri?: unknown } | undefined)?.uri;
  if (typeof uri !== "string") return { ok: false, message: `${EFFECTIVE_UNIT} takes {uri}, the unit file or drop-in to show` };
  const open = documents.get(uri);
  const text = open ? undefined : await host.readFile(pathOfUri(uri), MAX_BYTES);
  const document = open ?? (text !== undefined ? TextDocument.create(uri, LANGUAGE_ID, 0, text) : undefined);
  if (!document) return { ok: false, message: `${pathOfUri(uri)} cannot be read` };
  const effective = await service.effectiveUnit(document);
  if (!effective) return { ok: false, message: `${pathOfUri(uri)} is not a unit file or a drop-in of one unit` };
  const files = [...(effective.fragment ? [effective.fragment] : []), ...effective.dropIns];
  return { ok: true, unit: effective.unit, scope: effective.scope, text: renderEffectiveUnit(effective), files };
}
