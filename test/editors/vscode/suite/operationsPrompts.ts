import type { Choice } from "../../../../client/src/operations/journalChoices";
import type { Prompts } from "../../../../client/src/operations/prompts";

/** What the scripted user saw, in order. */
export interface Asked {
  kind: "pick" | "input" | "confirm" | "ask";
  title: string;
}

/**
 * A user who answers every question: picks the choice whose label matches (else the first), types
 * `typed` into input boxes (checked by the command's own validation first), confirms, and presses
 * the first button.
 */
export function scriptedPrompts(options: { picks: RegExp[]; typed: string; asked: Asked[] }): Prompts {
  return {
    async pick<T>(title: string, choices: readonly Choice<T>[]) {
      options.asked.push({ kind: "pick", title });
      const choice = choices.find((candidate) => options.picks.some((pick) => pick.test(candidate.label))) ?? choices[0];
      return choice && { value: choice.value };
    },
    async input({ title, problem }) {
      options.asked.push({ kind: "input", title });
      const problemText = problem?.(options.typed);
      if (problemText) throw new Error(`"${options.typed}" was refused: ${problemText}`);
      return options.typed;
    },
    async confirm(message) {
      options.asked.push({ kind: "confirm", title: message });
      return true;
    },
    async ask(message, buttons) {
      options.asked.push({ kind: "ask", title: message });
      return buttons[0];
    },
  };
}
