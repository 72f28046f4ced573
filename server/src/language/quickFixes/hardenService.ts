import type { CodeAction } from "vscode-languageserver-types";
import { HARDEN_SERVICE_KIND } from "../../protocol/codeActionKinds";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { UnitFile } from "../parser";
import { formatTenths, unitExposure } from "../security/exposure";
import { hardeningDirective, type HardeningDirective } from "./hardeningDirectives";
import { keepsCommandWorking } from "./hardeningRisks";
import { hardenAllEdits, merged } from "./securityFindings";

/** The unit's files in the order systemd reads them, with the edited document's place among them. */
export interface ServiceSources {
  texts: readonly string[];
  index: number;
}

/**
 * "Harden this service": every directive that lowers the offline exposure score and keeps the
 * command working (the same knowledge as `unitsmith new --harden` and the security findings' fixes),
 * added to the document; its title previews the score the unit reaches with its drop-ins.
 */
export function hardenServiceAction(uri: string, file: UnitFile, sources: ServiceSources): CodeAction | undefined {
  const texts = [...sources.texts];
  const before = unitExposure(texts);
  const directives = before.rows
    .filter((row) => row.set === false)
    .map((row) => hardeningDirective(row.check.id))
    .filter((directive): directive is HardeningDirective => directive !== undefined && keepsCommandWorking(directive, file));
  const lines = merged([...new Map(directives.map((d) => [`${d.key}=${d.value}`, d])).values()]);
  if (lines.length === 0) return undefined;
  const edits = hardenAllEdits(file, lines);
  texts[sources.index] = TextDocument.applyEdits(TextDocument.create(uri, "systemd-unit", 0, file.text), edits);
  const after = unitExposure(texts);
  if (after.tenths >= before.tenths) return undefined;
  return {
    title: `Harden this service: exposure ${formatTenths(before.tenths)} ${before.level} → ${formatTenths(after.tenths)} ${after.level} (${lines.length} line${lines.length === 1 ? "" : "s"} that keep its command working)`,
    kind: HARDEN_SERVICE_KIND,
    edit: { changes: { [uri]: edits } },
  };
}
