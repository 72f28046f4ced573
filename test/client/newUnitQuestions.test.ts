import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { askNewUnitOptions, suggestedName } from "../../client/src/newUnit/newUnitQuestions";
import { scriptedUser, type Question } from "../editors/vscode/suite/newUnitUser";

/** Programs on this pretend PATH. */
const resolveProgram = (name: string) => (["tar", "sleep", "echo"].includes(name) ? `/usr/bin/${name}` : undefined);

async function interview(answers: readonly (readonly [RegExp, string | boolean])[]) {
  const questions: Question[] = [];
  const options = await askNewUnitOptions(scriptedUser(answers, questions), () => resolveProgram);
  const question = (title: RegExp) => questions.find((candidate) => title.test(candidate.title));
  return { options, questions, question };
}

const NIGHTLY = [
  [/command it runs/, "tar czf /var/backups/www.tgz /srv/www"],
  [/its name/, "backup"],
  [/what starts it/, "A schedule"],
  [/when does it run/, "Daily"],
  [/longest it may run/, "30min"],
  [/sandboxing/, "strict"],
] as const;

describe("New Unit's questions", () => {
  it("turn a nightly job's answers into the options of unitsmith new, without asking the type of a timer's service", async () => {
    const { options, question } = await interview(NIGHTLY);
    assert.deepEqual(options, {
      name: "backup",
      command: "tar czf /var/backups/www.tgz /srv/www",
      scope: "system",
      every: "daily",
      timeout: "30min",
      harden: "strict",
    });
    assert.equal(question(/how does the command run/), undefined);
  });

  it("suggest the program's name as the unit's name", async () => {
    const { options, question } = await interview([[/command it runs/, "sleep infinity"]]);
    assert.equal(options?.name, "sleep");
    assert.equal(suggestedName("/usr/local/bin/my-app --serve"), "my-app");
    assert.equal(suggestedName("echo hi | wc"), undefined);
    assert.ok(question(/its name/));
  });

  it("check each answer as it is typed, with the generator's own messages", async () => {
    const { question } = await interview(NIGHTLY);
    const problem = (title: RegExp, text: string) => question(title)?.problem?.(text);
    assert.match(problem(/command it runs/, "no-such-program --now") ?? "", /"no-such-program" was not found on PATH/);
    assert.match(problem(/command it runs/, "echo 'unclosed") ?? "", /never closed/);
    assert.equal(problem(/command it runs/, "echo hello | wc -c"), undefined);
    assert.match(problem(/its name/, "backup.timer") ?? "", /name the service/);
    assert.match(problem(/longest it may run/, "5 parsecs") ?? "", /^The longest it may run "5 parsecs"/);
    assert.match(problem(/longest it may run/, "0") ?? "", /longer than zero/);
  });

  it("check a calendar event typed for the schedule", async () => {
    const { options, question } = await interview([
      [/calendar event\)$/, "Mon..Fri 09:00"],
      [/when does it run/, "Another calendar event…"],
      ...NIGHTLY,
    ]);
    const typed = question(/calendar event\)$/);
    assert.match(typed?.problem?.("every full moon") ?? "", /A schedule "every full moon"/);
    assert.equal(options?.every, "Mon..Fri 09:00");
  });

  it("let optional questions be skipped by leaving them empty", async () => {
    const { options, question } = await interview([
      [/command it runs/, "echo hi"],
      [/a description/, ""],
      [/longest it may run/, ""],
    ]);
    assert.equal(question(/a description/)?.problem?.(""), undefined);
    assert.deepEqual(options, { name: "echo", command: "echo hi", scope: "system", type: "exec" });
  });

  it("offer only the choices the generator accepts after the earlier answers", async () => {
    const { question } = await interview([
      [/command it runs/, "echo hi"],
      [/how does the command run/, "oneshot"],
      [/what starts it/, "A connection"],
      [/where does the socket listen/, "8080"],
      [/anything else/, "More settings…"],
    ]);
    assert.deepEqual(question(/restart it/)?.choices, ["No", "on-failure", "on-abnormal", "on-watchdog", "on-abort"]);
    assert.deepEqual(question(/a template/)?.choices, ["No"], "a socket cannot start a template");
  });

  it("ask for a user and group only for a system unit, and refuse system-only targets for a user unit", async () => {
    const { options, question } = await interview([
      [/command it runs/, "sleep infinity"],
      [/which manager/, "User"],
      [/anything else/, "More settings…"],
      [/environment variable 1/, "LOG_LEVEL=info"],
      [/start after/, "default.target"],
    ]);
    assert.equal(question(/run as user/), undefined);
    assert.match(question(/start after/)?.problem?.("network-online.target") ?? "", /belongs to the system manager/);
    assert.deepEqual(options?.env, ["LOG_LEVEL=info"]);
    assert.deepEqual(options?.after, ["default.target"]);
  });

  it("give nothing when a question is dismissed", async () => {
    const questions: Question[] = [];
    const prompts = { ...scriptedUser([], questions), input: async () => undefined };
    assert.equal(await askNewUnitOptions(prompts, () => resolveProgram), undefined);
  });
});
