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

/** Stands in for the name while the command is checked: the name is asked next. */
const NAME_WHILE_ASKING_COMMAND = "unit";

const TYPE_DESCRIPTIONS: Record<(typeof SERVICE_TYPES)[number], string> = {
  exec: "a program that keeps running (the default): started once it runs",
  simple: "a program that keeps running: started as soon as it is forked",
  oneshot: "a job that runs to completion",
  notify: "the program tells systemd when it is ready (sd_notify)",
  forking: "a traditional daemon that forks into the background",
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

  /** "New unit: its name" → "New unit (2 of 10): its name". */
  numbered(title: string): string {
    this.step += 1;
    return title.replace(/^New unit:/, `New unit (${this.step} of ${Math.max(this.total, this.step)}):`);
  }

  async text(
    question: { title: string; prompt: string; value?: string; optional?: boolean },
    change: (text: string) => Partial<NewUnitOptions>,
  ): Promise<string> {
    const skipped = (text: string) => question.optional === true && text.trim() === "";
    const answer = await this.prompts.input({
      title: this.numbered(question.title),
      prompt: question.optional ? `${question.prompt} (leave empty to skip)` : question.prompt,
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
    const every = await askSchedule(this.prompts, this.numbered("New unit: when does it run?"), (text) => this.refused({ every: text }));
    if (every === undefined) throw new Dismissed();
    this.options = { ...this.options, every };
  }
}

const words = (text: string) => text.split(/\s+/).filter((word) => word !== "");

async function askBasics(interview: Interview): Promise<void> {
  await interview.text(
    {
      title: "New unit: the command it runs",
      prompt: 'A program with its arguments, or a shell command line; a program named without "/" is looked up on PATH',
    },
    (command) => ({ command }),
  );
  await interview.text(
    {
      title: "New unit: its name",
      prompt: "NAME.service; its timer or socket takes the same name",
      value: suggestedName(interview.options.command),
    },
    (name) => ({ name }),
  );
  await interview.text(
    { title: "New unit: a description", prompt: "Description=, shown by systemctl status; the name when empty", optional: true },
    (description) => ({ description }),
  );
  await interview.choose(
    "New unit: for which manager?",
    [
      { label: "System", description: "/etc/systemd/system, started at boot", value: "system" },
      { label: "User", description: "~/.config/systemd/user, started when you log in", value: "user" },
    ],
    (scope) => ({ scope }),
  );
}

async function askStart(interview: Interview): Promise<void> {
  const start = await interview.choose(
    "New unit: what starts it?",
    [
      { label: "Boot (or login)", description: "WantedBy= in [Install]", value: "boot" },
      { label: "A schedule", description: "a .timer beside the service", value: "timer" },
      { label: "A connection", description: "a .socket beside the service", value: "socket" },
    ],
    () => ({}),
  );
  if (start === "timer") await interview.schedule();
  if (start === "socket") {
    interview.total += 1;
    await interview.text(
      {
        title: "New unit: where does the socket listen?",
        prompt: "A port (8080), an address with a port (127.0.0.1:8080) or a socket path; the program must accept it from systemd",
      },
      (socket) => ({ socket }),
    );
  }
}

async function askRunning(interview: Interview): Promise<void> {
  // A timer's service runs to completion on each tick: it is a oneshot, so the type is not asked.
  if (interview.options.every === undefined) {
    await interview.choose(
      "New unit: how does the command run?",
      TYPE_ORDER.map((type) => ({ label: type, description: TYPE_DESCRIPTIONS[type], value: type })),
      (type) => ({ type }),
    );
  }
  await interview.text(
    {
      title: "New unit: the longest it may run",
      prompt: "A time span such as 30s, 5min or 1h 30min, after which systemd ends it",
      optional: true,
    },
    (timeout) => ({ timeout }),
  );
  const restart = await interview.choose(
    "New unit: restart it when it ends?",
    [
      { label: "No", description: "the default", value: undefined },
      ...RESTART_POLICIES.filter((policy) => policy !== "no").map((policy) => ({ label: policy, value: policy })),
    ],
    (policy) => (policy === undefined ? {} : { restart: policy }),
  );
  if (restart !== undefined) {
    interview.total += 1;
    await interview.text({ title: "New unit: wait before restarting", prompt: "A time span such as 5s", optional: true }, (restartSec) => ({
      restartSec,
    }));
  }
  if (interview.options.type === "notify") {
    interview.total += 1;
    await interview.text(
      { title: "New unit: watchdog", prompt: "WatchdogSec=: the longest time between the program's keep-alive pings", optional: true },
      (watchdog) => ({ watchdog }),
    );
  }
  await interview.choose(
    "New unit: sandboxing",
    [
      { label: "None", value: undefined },
      ...HARDENING_LEVELS.map((level) => ({
        label: level,
        description:
          level === "basic" ? "private /tmp, read-only /usr and /etc, no new privileges" : "a read-only system but the working directory",
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
    await interview.text({ title: "New unit: run as user", prompt: "User=; root when empty", optional }, (user) => ({ user }));
    await interview.text({ title: "New unit: run as group", prompt: "Group=", optional }, (group) => ({ group }));
  }
  await interview.text({ title: "New unit: working directory", prompt: "An absolute path", optional }, (workingDir) => ({ workingDir }));
  for (;;) {
    const env = interview.options.env ?? [];
    const added = await interview.text(
      { title: `New unit: environment variable ${env.length + 1}`, prompt: "KEY=VALUE; empty when there are no more", optional },
      (assignment) => ({ env: [...env, assignment] }),
    );
    if (added === "") break;
    interview.total += 1;
  }
  await interview.text(
    { title: "New unit: environment file", prompt: 'An absolute path; "-" before it if the file may be missing', optional },
    (envFile) => ({ envFile }),
  );
  await interview.text(
    { title: "New unit: start after", prompt: "Units separated by spaces, such as network-online.target", optional },
    (text) => ({ after: words(text) }),
  );
  await interview.text({ title: "New unit: pull in", prompt: "Units separated by spaces (Wants=)", optional }, (text) => ({
    wants: words(text),
  }));
  await interview.text({ title: "New unit: memory limit", prompt: "MemoryMax=, such as 512M or 20%", optional }, (memoryMax) => ({
    memoryMax,
  }));
  await interview.text({ title: "New unit: CPU quota", prompt: "CPUQuota=, such as 50% (200% is two CPUs)", optional }, (cpuQuota) => ({
    cpuQuota,
  }));
  await interview.choose(
    "New unit: a template?",
    [
      { label: "No", value: false },
      { label: "Yes", description: "NAME@.service; %i in the command is the instance name", value: true },
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
    const more = await prompts.pick(interview.numbered("New unit: anything else?"), [
      { label: "Create it", value: false },
      { label: "More settings…", description: "user, directories, environment, dependencies, limits, template", value: true },
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
