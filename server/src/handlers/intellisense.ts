import { guarded } from "../handlerGuard";
import { documentPath } from "../documentPath";
import { completions, resolveDirectiveItem } from "../language/completion";
import { definition } from "../language/definition";
import { hover } from "../language/hover";
import { inlayHints } from "../language/inlayHints";
import { referenceSubject } from "../language/references";
import { resolveUnitItem } from "../language/valueCompletion";
import { withManPage } from "../manPageHover";
import type { ServerContext } from "../serverContext";
import { bundledSnippets } from "../workspace/bundledSnippets";

/** Requests that also need the machine: installed units, the file system, man pages. */
export function registerIntellisense(context: ServerContext): void {
  const { connection, logger, documents } = context;

  const environmentOf = async (uri: string) => {
    const analysis = context.analysisOf(uri);
    if (!analysis?.file) return undefined;
    return { analysis, file: analysis.file, ...(await context.machine().environment(analysis.kind, documentPath(uri))) };
  };

  connection.onCompletion(
    guarded("completion", [], logger, async ({ textDocument, position }) => {
      const env = await environmentOf(textDocument.uri);
      if (!env) return [];
      return completions({
        file: env.file,
        kind: env.analysis.kind,
        position,
        target: context.target(),
        units: env.units,
        listDirectory: env.listDirectory,
        specifiers: env.specifiers,
        ...(context.preferences().offerSnippets && { snippets: bundledSnippets }),
      });
    }),
  );

  connection.onCompletionResolve(async (item) => {
    try {
      const directive = resolveDirectiveItem(item, context.target());
      return directive === item ? resolveUnitItem(item, await context.machine().index.catalog("system")) : directive;
    } catch {
      return item;
    }
  });

  connection.onHover(
    guarded("hover", null, logger, async ({ textDocument, position }) => {
      const env = await environmentOf(textDocument.uri);
      if (!env) return null;
      const result = hover({
        file: env.file,
        kind: env.analysis.kind,
        position,
        target: context.target(),
        units: env.units,
        specifiers: env.specifiers,
      });
      if (!result) return null;
      return result.directive ? withManPage(result.hover, result.directive, context.manPages) : result.hover;
    }),
  );

  connection.onDefinition(
    guarded("definition", [], logger, async ({ textDocument, position }) => {
      const env = await environmentOf(textDocument.uri);
      return env ? definition(env.file, env.analysis.kind, position, env.units) : [];
    }),
  );

  connection.onReferences(
    guarded("references", [], logger, async ({ textDocument, position }, token) => {
      const analysis = context.analysisOf(textDocument.uri);
      const unit = analysis?.file && referenceSubject(analysis.file, analysis.kind, position);
      if (!analysis || !unit) return [];
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const openText = (path: string) =>
        documents
          .all()
          .find((d) => documentPath(d.uri) === path)
          ?.getText();
      return context.machine().references(unit, analysis.kind, openText, controller.signal);
    }),
  );

  connection.languages.inlayHint.on(
    guarded("inlayHint", [], logger, async ({ textDocument, range }) => {
      const env = await environmentOf(textDocument.uri);
      const { specifiers, timeSpans, calendarElapses } = context.settings().inlayHints;
      if (!env || (!specifiers && !timeSpans && !calendarElapses)) return [];
      return inlayHints(env.file, env.analysis.kind, range, { specifiers, timeSpans, calendarElapses, environment: env.specifiers });
    }),
  );
}
