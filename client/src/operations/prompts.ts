import * as vscode from "vscode";
import type { Choice } from "./journalChoices";

/**
 * Every question the operations ask the user. The extension uses the VS Code dialogs below;
 * the editor tests answer through the same interface (see registerOperationsUi's test API).
 */
export interface Prompts {
  /** A quick pick; undefined when dismissed. */
  pick<T>(title: string, choices: readonly Choice<T>[]): Promise<{ value: T } | undefined>;
  /** An input box checked as typed (`problem` says what is wrong, or undefined); undefined when dismissed. */
  input(options: {
    title: string;
    prompt: string;
    value?: string;
    problem?: (text: string) => string | undefined;
  }): Promise<string | undefined>;
  /** A modal confirmation of something that changes or removes files; true for `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** A non-modal question with buttons; undefined when dismissed. */
  ask(message: string, buttons: readonly string[]): Promise<string | undefined>;
}

export const vscodePrompts: Prompts = {
  async pick(title, choices) {
    const items = choices.map((choice) => ({ label: choice.label, description: choice.description, choice }));
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: title, matchOnDescription: true });
    return picked && { value: picked.choice.value };
  },
  input({ title, prompt, value, problem }) {
    return Promise.resolve(
      vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (text) => problem?.(text) ?? undefined }),
    );
  },
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  async ask(message, buttons) {
    return vscode.window.showInformationMessage(message, ...buttons);
  },
};
