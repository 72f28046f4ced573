import type { Hover, MarkupContent } from "vscode-languageserver";
import type { DirectiveInfo } from "./language/schema/fileSchema";
import type { ManPageLibrary } from "./systemd/manPages";

/**
 * Adds the installed man page's own text for the directive below the bundled summary. Without the
 * page (not installed, unreadable, a Quadlet key) the hover stays as it is.
 */
export async function withManPage(hover: Hover, directive: DirectiveInfo, manPages: ManPageLibrary): Promise<Hover> {
  if (directive.family === "quadlet") return hover;
  const doc = await manPages.directiveDoc(directive.name, {
    ...(directive.doc && { page: directive.doc.page }),
    section: directive.section,
  });
  if (!doc) return hover;
  const contents = hover.contents as MarkupContent;
  const value = `${contents.value}\n\n---\n\n*From the installed ${doc.reference}:*\n\n${doc.markdown}`;
  return { ...hover, contents: { kind: "markdown", value } };
}
