import type { Choice } from "../../../../client/src/operations/journalChoices";
import type { Prompts } from "../../../../client/src/operations/prompts";

/** A question the scripted user saw, with the choices offered or the input box's check. */
export interface Question {
  kind: "pick" | "input" | "confirm" | "ask";
  title: string;
  choices?: string[];
  buttons?: string[];
  problem?: (text: string) => string | undefined;
}

/**
 * A user who answers by the question's title: the first answer whose pattern matches the title
 * wins. A pick takes the choice with that label (otherwise the first), an input box gets the text
 * (which its check must accept, else the answer fails) or, with no answer, keeps its suggested
 * value; confirm and ask take the answer given, dismissing the question without one.
 */
export function scriptedUser(answers: readonly (readonly [RegExp, string | boolean])[], questions: Question[]): Prompts {
  const answerTo = (title: string) => answers.find(([pattern]) => pattern.test(title))?.[1];
  return {
    async pick<T>(title: string, choices: readonly Choice<T>[]) {
      questions.push({ kind: "pick", title, choices: choices.map((choice) => choice.label) });
      const answer = answerTo(title);
      const choice = choices.find((candidate) => candidate.label === answer) ?? choices[0];
      return choice && { value: choice.value };
    },
    async input({ title, value, problem }) {
      questions.push({ kind: "input", title, problem });
      const answer = answerTo(title);
      const text = typeof answer === "string" ? answer : (value ?? "");
      const refused = problem?.(text);
      if (refused) throw new Error(`${title}: "${text}" was refused: ${refused}`);
      return text;
    },
    async confirm(message) {
      questions.push({ kind: "confirm", title: message });
      return answerTo(message) === true;
    },
    async ask(message, buttons) {
      questions.push({ kind: "ask", title: message, buttons: [...buttons] });
      const answer = answerTo(message);
      return buttons.find((button) => button === answer);
    },
  };
}
