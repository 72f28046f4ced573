// Reads the messages of the extension's t() calls (client/src/l10n.ts) out of its sources.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const root = join(__dirname, "..");
export const L10N_BUNDLE = join(root, "l10n", "bundle.l10n.json");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Whether the file takes `t` from the l10n module (so a `t` of its own is not mistaken for it). */
function importsT(file: ts.SourceFile): boolean {
  return file.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      /(^|\/)l10n$/.test(statement.moduleSpecifier.text) &&
      statement.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === "t"),
  );
}

/**
 * Every message passed to t() under client/src, sorted, each once. A t() whose message is not a
 * literal is an error: no translation could be looked up for it.
 */
export function clientMessages(): string[] {
  const messages = new Set<string>();
  const problems: string[] = [];
  for (const path of sourceFiles(join(root, "client", "src"))) {
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    if (!importsT(file)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "t") {
        const [message] = node.arguments;
        if (message && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) messages.add(message.text);
        else {
          const { line } = file.getLineAndCharacterOfPosition(node.getStart());
          problems.push(`${relative(root, path)}:${line + 1}: t() needs a string literal message`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return [...messages].sort();
}

/** The bundle VS Code's l10n format wants: each message keyed by itself, in English. */
export function englishBundle(): Record<string, string> {
  return Object.fromEntries(clientMessages().map((message) => [message, message]));
}
