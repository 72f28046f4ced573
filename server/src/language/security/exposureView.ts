/**
 * The exposure score of the service being edited, shown where it is written: a lens on its
 * [Service] header ("exposure 9.6 UNSAFE") and a table in the header's hover. The score is the
 * service's as systemd loads it, its drop-ins included.
 */
import type { CodeLens, Range } from "vscode-languageserver-types";
import type { UnitFile } from "../parser";
import { summaries } from "../schema/schemaData";
import type { UnitKind } from "../unitKind";
import { formatTenths, type Exposure } from "./exposure";
import { directiveOf } from "./exposureFindings";

/** What the exposure lens carries from codeLens to codeLens/resolve. */
export interface ExposureLensData {
  exposureOf: string;
}

/** Whether a file is a service or one of its drop-ins: the files with an exposure score. */
export function scoresExposure(kind: UnitKind): boolean {
  if (kind.file?.family !== "unit" || kind.file.type !== "service") return false;
  return !kind.dropIn || kind.dropIn.target === "unit" || kind.dropIn.target === "template";
}

/** The [Service] header the score is shown on: the file's first. */
export function serviceHeader(file: UnitFile): Range | undefined {
  const section = file.sections.find((each) => each.name === "Service");
  return section && file.lines.rangeOf(section.header.start, section.header.contentEnd);
}

export function exposureLenses(file: UnitFile, kind: UnitKind, uri: string): CodeLens[] {
  const range = scoresExposure(kind) ? serviceHeader(file) : undefined;
  return range ? [{ range, data: { exposureOf: uri } satisfies ExposureLensData }] : [];
}

export const isExposureLens = (data: unknown): data is ExposureLensData =>
  typeof (data as Partial<ExposureLensData> | undefined)?.exposureOf === "string";

export const exposureTitle = (exposure: Exposure): string => `exposure ${formatTenths(exposure.tenths)} ${exposure.level}`;

/** What a row's directive does, in the bundled summaries' words. */
function protects(id: string): string {
  const directive = directiveOf(id);
  const summary = summaries[`unit/Service.${directive}`] ?? summaries[`unit/${directive}`];
  return (summary?.summary ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ");
}

/** The rows that add to the score, the heaviest first, as a Markdown table. */
export function exposureTable(exposure: Exposure): string {
  const failing = exposure.rows
    .filter((row) => row.set === false && row.exposure !== null)
    .sort((a, b) => Number(b.exposure) - Number(a.exposure) || a.check.id.localeCompare(b.check.id));
  const passing = exposure.rows.filter((row) => row.set === true).length;
  const heading = `**${exposureTitle(exposure)}** (0 is locked down, 10 fully exposed; \`systemd-analyze security\` scores it the same)`;
  if (failing.length === 0) return `${heading}\n\nEvery check passes.`;
  const rows = failing.map((row) => `| \`${row.check.id.replace(/\|/g, "\\|")}\` | ${protects(row.check.id)} | ${row.exposure} |`);
  return [
    heading,
    "",
    "| setting | what it does | adds |",
    "| --- | --- | ---: |",
    ...rows,
    "",
    `${passing} check${passing === 1 ? "" : "s"} pass.`,
  ].join("\n");
}
