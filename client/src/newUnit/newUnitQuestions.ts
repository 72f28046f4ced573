import {
  HARDENING_LEVELS,
  parseCommand,
  RESTART_POLICIES,
  SERVICE_TYPES,
  type NewUnitOptions,
  type ResolveProgram,
} from "../../../server/src/language/generate";
import type { Choice } from "../operations/journalChoices";
import type { Prompts } from "../operations/prompts";
import { refusal } from "./refusal";
import { askSchedule } from "./scheduleQuestion";
import { t } from "../l10n";

/** Stands in for the name while the command is checked: the name is asked next. */
const NAME_WHILE_ASKING_COMMAND = "unit";

const TYPE_DESCRIPTIONS: Record<(typeof SERVICE_TYPES)[number], string> = {
  exec: t("a program that keeps running (the default): started once it runs"),
  simple: t("a program that keeps running: started as soon as it is forked"),
  oneshot: t("a job that runs to completion"),
  notify: t("the program tells systemd when it is ready (sd_notify)"),
  forking: t("a traditional daemon that forks into the background"),
};

const TYPE_ORDER = ["exec", "simple", "oneshot", "notify", "forking"] as const satisfies readonly (typeof SERVICE_TYPES)[number][];

/** The user dismissed a question: nothing is generated. */
class Dismissed extends Error {}

/** A name for the unit from the command's program: "/usr/bin/rsync -a …" suggests "rsync". */
export function suggestedName(command: string): string | undefined {
  const parsed = parseCommand(command);
  if (parsed.kind !== "argv") return undefined;
  const program = parsed.argv[0]!;
  const name = program.slice(program.lastIndexOf("/") + 1).replace(/[^A-Za-z0-9:_.-]/g, "");
  return name === "" ? undefined : name;
}

/**
 * Asks the questions of `unitsmith new` one at a time. Every answer is checked as it is typed by
 * the generator itself, together with the answers before it; an optional question is skipped by
 * leaving it empty, and choices the generator would refuse after the earlier answers are not offered.
 */
/** Command, name, description, manager, what starts it, type (or schedule), longest run, restart, sandboxing, anything else. */
const BASIC_QUESTIONS = 10;
/** User, group (system units only), working directory, environment variable, environment file, after, wants, memory, CPU, template. */
const MORE_QUESTIONS = 10;

/** The program lookup for a unit of the scope (system when none is chosen yet). */
export type ResolveProgramFor = (scope: NewUnitOptions["scope"]) => ResolveProgram;

class Interview {
  options: NewUnitOptions = { name: NAME_WHILE_ASKING_COMMAND, command: "" };
  private step = 0;
  /** The questions on the way the answers so far lead; grows when an answer opens more. */
  total = BASIC_QUESTIONS;

  constructor(
    private readonly prompts: Prompts,
    private readonly resolveProgramFor: ResolveProgramFor,
  ) {}

  refused(change: Partial<NewUnitOptions>): string | undefined {
    const options = { ...this.options, ...change };
    return refusal(options, this.resolveProgramFor(options.scope));
  }

  /** "its name" → "New unit (2 of 10): its name". */
  numbered(subject: string): string {
    this.step += 1;
    return t("New unit ({0} of {1}): {2}", this.step, Math.max(this.total, this.step), subject);
  }

  async text(
    question: { title: string; prompt: string; value?: string; optional?: boolean },
    change: (text: string) => Partial<NewUnitOptions>,
  ): Promise<string> {
    const skipped = (text: string) => question.optional === true && text.trim() === "";
    const answer = await this.prompts.input({
      title: this.numbered(question.title),
      prompt: question.optional ? t("{0} (leave empty to skip)", question.prompt) : question.prompt,
      value: question.value,
      problem: (text) => (skipped(text) ? undefined : this.refused(change(text))),
    });
    if (answer === undefined) throw new Dismissed();
    if (skipped(answer)) return "";
    this.options = { ...this.options, ...change(answer) };
    return answer;
  }

  async choose<T>(title: string, choices: readonly Choice<T>[], change: (value: T) => Partial<NewUnitOptions>): Promise<T> {
    const offered = choices.filter((choice) => this.refused(change(choice.value)) === undefined);
    const picked = await this.prompts.pick(this.numbered(title), offered);
    if (!picked) throw new Dismissed();
    this.options = { ...this.options, ...change(picked.value) };
    return picked.value;
  }

  async schedule(): Promise<void> {
    const every = await askSchedule(this.prompts, this.numbered(t("when does it run?")), (text) => this.refused({ every: text }));
    if (every === undefined) throw new Dismissed();
    this.options = { ...this.options, every };
  }
}

const words = (text: string) => text.split(/\s+/).filter((word) => word !== "");

async function askBasics(interview: Interview): Promise<void> {
  await interview.text(
    {
      title: t("the command it runs"),
      prompt: t('A program with its arguments, or a shell command line; a program named without "/" is looked up on PATH'),
    },
    (command) => ({ command }),
  );
  await interview.text(
    {
      title: t("its name"),
      prompt: t("NAME.service; its timer or socket takes the same name"),
      value: suggestedName(interview.options.command),
    },
    (name) => ({ name }),
  );
  await interview.text(
    { title: t("a description"), prompt: t("Description=, shown by systemctl status; the name when empty"), optional: true },
    (description) => ({ description }),
  );
  await interview.choose(
    t("for which manager?"),
    [
      { label: t("System"), description: t("/etc/systemd/system, started at boot"), value: "system" },
      { label: t("User"), description: t("~/.config/systemd/user, started when you log in"), value: "user" },
    ],
    (scope) => ({ scope }),
  );
}

async function askStart(interview: Interview): Promise<void> {
  const start = await interview.choose(
    t("what starts it?"),
    [
      { label: t("Boot (or login)"), description: t("WantedBy= in [Install]"), value: "boot" },
      { label: t("A schedule"), description: t("a .timer beside the service"), value: "timer" },
      { label: t("A connection"), description: t("a .socket beside the service"), value: "socket" },
    ],
    () => ({}),
  );
  if (start === "timer") await interview.schedule();
  if (start === "socket") {
    interview.total += 1;
    await interview.text(
      {
        title: t("where does the socket listen?"),
        prompt: t("A port (8080), an address with a port (127.0.0.1:8080) or a socket path; the program must accept it from systemd"),
      },
      (socket) => ({ socket }),
    );
  }
}

async function askRunning(interview: Interview): Promise<void> {
  // A timer's service runs to completion on each tick: it is a oneshot, so the type is not asked.
  if (interview.options.every === undefined) {
    await interview.choose(
      t("how does the command run?"),
      TYPE_ORDER.map((type) => ({ label: type, description: TYPE_DESCRIPTIONS[type], value: type })),
      (type) => ({ type }),
    );
  }
  await interview.text(
    {
      title: t("the longest it may run"),
      prompt: t("A time span such as 30s, 5min or 1h 30min, after which systemd ends it"),
      optional: true,
    },
    (timeout) => ({ timeout }),
  );
  const restart = await interview.choose(
    t("restart it when it ends?"),
    [
      { label: t("No"), description: t("the default"), value: undefined },
      ...RESTART_POLICIES.filter((policy) => policy !== "no").map((policy) => ({ label: policy, value: policy })),
    ],
    (policy) => (policy === undefined ? {} : { restart: policy }),
  );
  if (restart !== undefined) {
    interview.total += 1;
    await interview.text({ title: t("wait before restarting"), prompt: t("A time span such as 5s"), optional: true }, (restartSec) => ({
      restartSec,
    }));
  }
  if (interview.options.type === "notify") {
    interview.total += 1;
    await interview.text(
      { title: t("watchdog"), prompt: t("WatchdogSec=: the longest time between the program's keep-alive pings"), optional: true },
      (watchdog) => ({ watchdog }),
    );
  }
  await interview.choose(
    t("sandboxing"),
    [
      { label: t("None"), value: undefined },
      ...HARDENING_LEVELS.map((level) => ({
        label: level,
        description:
          level === "basic"
            ? t("private /tmp, read-only /usr and /etc, no new privileges")
            : t("a read-only system but the working directory"),
        value: level,
      })),
    ],
    (harden) => (harden === undefined ? {} : { harden }),
  );
}

/** The settings most units do without: asked only when the user wants them. */
async function askMore(interview: Interview): Promise<void> {
  const optional = true;
  if (interview.options.scope !== "user") {
    await interview.text({ title: t("run as user"), prompt: t("User=; root when empty"), optional }, (user) => ({ user }));
    await interview.text({ title: t("run as group"), prompt: t("Group="), optional }, (group) => ({ group }));
  }
  await interview.text({ title: t("working directory"), prompt: t("An absolute path"), optional }, (workingDir) => ({ workingDir }));
  for (;;) {
    const env = interview.options.env ?? [];
    const added = await interview.text(
      { title: t("environment variable {0}", env.length + 1), prompt: t("KEY=VALUE; empty when there are no more"), optional },
      (assignment) => ({ env: [...env, assignment] }),
    );
    if (added === "") break;
    interview.total += 1;
  }
  await interview.text(
    { title: t("environment file"), prompt: t('An absolute path; "-" before it if the file may be missing'), optional },
    (envFile) => ({ envFile }),
  );
  await interview.text(
    { title: t("start after"), prompt: t("Units separated by spaces, such as network-online.target"), optional },
    (text) => ({ after: words(text) }),
  );
  await interview.text({ title: t("pull in"), prompt: t("Units separated by spaces (Wants=)"), optional }, (text) => ({
    wants: words(text),
  }));
  await interview.text({ title: t("memory limit"), prompt: t("MemoryMax=, such as 512M or 20%"), optional }, (memoryMax) => ({
    memoryMax,
  }));
  await interview.text({ title: t("CPU quota"), prompt: t("CPUQuota=, such as 50% (200% is two CPUs)"), optional }, (cpuQuota) => ({
    cpuQuota,
  }));
  await interview.choose(
    t("a template?"),
    [
      { label: t("No"), value: false },
      { label: t("Yes"), description: t("NAME@.service; %i in the command is the instance name"), value: true },
    ],
    (template) => (template ? { template } : {}),
  );
}

/** Asks what `unitsmith new` asks; the options it was given, or undefined when the user gave up. */
export async function askNewUnitOptions(prompts: Prompts, resolveProgramFor: ResolveProgramFor): Promise<NewUnitOptions | undefined> {
  const interview = new Interview(prompts, resolveProgramFor);
  try {
    await askBasics(interview);
    await askStart(interview);
    await askRunning(interview);
    const more = await prompts.pick(interview.numbered(t("anything else?")), [
      { label: t("Create it"), value: false },
      { label: t("More settings…"), description: t("user, directories, environment, dependencies, limits, template"), value: true },
    ]);
    if (!more) return undefined;
    if (more.value) {
      interview.total += interview.options.scope === "user" ? MORE_QUESTIONS - 2 : MORE_QUESTIONS;
      await askMore(interview);
    }
  } catch (error) {
    if (error instanceof Dismissed) return undefined;
    throw error;
  }
  return interview.options;
}
