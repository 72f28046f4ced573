import type { TargetSystemd } from "../rules/rule";
import { describeValue } from "./describeValue";
import type { DirectiveInfo } from "./fileSchema";
import type { DocLink } from "./generated/types";

const QUADLET_DOC = "https://docs.podman.io/en/latest/markdown/podman-systemd.unit.5.html";

export function docUrl(doc: DocLink): string {
  return `https://www.freedesktop.org/software/systemd/man/latest/${doc.page}.html#${encodeURIComponent(doc.anchor).replace(/%3D/g, "=")}`;
}

/** `systemd.service(5)`: systemd's configuration pages are in section 5, systemd.directives in 7. */
export function manReference(page: string): string {
  return `${page}(${page === "systemd.directives" || page === "systemd.special" ? 7 : 5})`;
}

export function directiveLink(info: DirectiveInfo): string | undefined {
  if (info.doc) return `[${manReference(info.doc.page)}](${docUrl(info.doc)})`;
  if (info.family === "quadlet") return `[podman-systemd.unit(5)](${QUADLET_DOC})`;
  return undefined;
}

/** A one-line detail for completion lists: value kind and version. */
export function directiveDetail(info: DirectiveInfo, target: TargetSystemd = {}): string {
  const parts = [`[${info.section}]`];
  if (info.family !== "quadlet") parts.push(info.value.kind);
  if (info.since !== undefined) parts.push(`systemd ${info.since}+`);
  if (target.version !== undefined && info.since !== undefined && info.since > target.version) parts.push(`newer than ${target.version}`);
  if (info.status) parts.push(info.status);
  return parts.join(" · ");
}

/** The project's own documentation of a directive, as Markdown. */
export function directiveMarkdown(info: DirectiveInfo, target: TargetSystemd = {}): string {
  const made = markdowns.get(info) ?? markdowns.set(info, new Map()).get(info)!;
  let markdown = made.get(target.version);
  if (markdown === undefined) {
    markdown = makeDirectiveMarkdown(info, target.version);
    made.set(target.version, markdown);
  }
  return markdown;
}

/** The text of each directive per target version, made once: hovers and completion items ask again and again. */
const markdowns = new WeakMap<DirectiveInfo, Map<number | undefined, string>>();

function makeDirectiveMarkdown(info: DirectiveInfo, targetVersion: number | undefined): string {
  const lines = [`**${info.name}=** in \`[${info.section}]\``, ""];
  if (info.summary) lines.push(info.summary.summary, "");
  if (info.status) {
    const replacement = info.change?.replacement;
    const instead = replacement
      ? ` Use \`${replacement.name}=\`${replacement.section ? ` in \`[${replacement.section}]\`` : ""} instead.`
      : "";
    lines.push(
      `*${info.status[0]!.toUpperCase()}${info.status.slice(1)}.*${info.change?.note ? ` ${info.change.note}` : ""}${instead}`,
      "",
    );
  }
  const facts: string[] = [];
  if (info.family !== "quadlet") facts.push(`Value: ${describeValue(info.value)}.`);
  if (info.list) facts.push("May be repeated; an empty assignment clears the list.");
  // Plain text: a code span here renders as "Default:  no ." with padding on both sides.
  if (info.summary?.default) facts.push(`Default: ${info.summary.default}.`);
  if (info.since !== undefined) {
    const tooNew = targetVersion !== undefined && info.since > targetVersion ? ` (newer than the target, ${targetVersion})` : "";
    facts.push(`Since systemd ${info.since}${tooNew}.`);
  }
  if (facts.length > 0) lines.push(facts.join(" "), "");
  const link = directiveLink(info);
  if (link) lines.push(link);
  return lines.join("\n").trimEnd();
}
