// The one way the extension's own messages reach the user: t("Installing {0}", unit). In VS Code
// that is vscode.l10n.t, which finds the message in l10n/bundle.l10n.<locale>.json when a
// translation exists; `npm run sync:l10n` collects every t() message into l10n/bundle.l10n.json, the
// file translators start from, and a test fails when it misses one. The first argument must be a
// string literal, so the collector can read it.
//
// Many of the modules that word messages are pure and tested under plain Node, where "vscode" does
// not resolve: there the English is filled in the same way.
import type * as vscode from "vscode";

type Argument = string | number | boolean;

/** The message with each `{n}` replaced by the n-th argument, as vscode.l10n.t does without a translation. */
export function fill(message: string, args: readonly Argument[]): string {
  return message.replace(/\{(\d+)\}/g, (place, index: string) => (index in args ? String(args[Number(index)]) : place));
}

function hostTranslator(): typeof vscode.l10n.t | undefined {
  try {
    return (require("vscode") as typeof vscode).l10n.t;
  } catch {
    return undefined;
  }
}

const translate: (message: string, ...args: Argument[]) => string = hostTranslator() ?? ((message, ...args) => fill(message, args));

/** The message in the user's language, `{0}`, `{1}`… filled with `args`. */
export function t(message: string, ...args: Argument[]): string {
  return translate(message, ...args);
}
