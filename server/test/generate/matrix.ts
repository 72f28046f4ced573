/**
 * Combinations of `unitsmith new` options, shared by the pure matrix test and the CLI test that
 * runs systemd-analyze verify on the results. Every type, trigger, scope and hardening level
 * meets every other; the remaining options rotate through the combinations so each one is
 * covered many times in different company. Commands use programs every Debian has.
 */

export interface Combination {
  /** A unique unit name. */
  name: string;
  scope: "system" | "user";
  /** The arguments after `unitsmith new`. */
  args: string[];
}

const TYPES = ["simple", "exec", "oneshot", "notify", "forking"] as const;
const TRIGGERS: readonly (readonly string[])[] = [
  [],
  ["--every", "daily"],
  ["--every", "Mon..Fri *-*-* 09:30"],
  ["--socket", "8080"],
  ["--socket", "/run/matrix.sock"],
];
const HARDENING: readonly (readonly string[])[] = [[], ["--harden", "basic"], ["--harden", "strict"]];

const COMMANDS: readonly string[] = [
  "sleep 5",
  "/usr/bin/true --ignored 'two words' \"and 100%\"",
  "sleep 1 && echo done $HOME > /dev/null",
  "/bin/sh -c 'exit 0' ; true",
  "printf '%s\\n' \"$(date)\" | tee /dev/null",
  "/usr/bin/sleep 1",
];
const TEMPLATE_COMMANDS: readonly string[] = ["/usr/bin/sleep 1 %i", "echo %i %I 50% | cat"];

const WORKING_DIRS = ["/srv/data", "/tmp/scratch", "/home/alice/work", "/var/lib/my app"];
const RESTARTS: Record<string, readonly string[]> = {
  oneshot: ["on-failure", "on-abnormal", "no"],
  other: ["always", "on-failure", "on-abort", "on-success"],
};

/** Options that each combination takes one of, by its position. */
function rotating(i: number, type: string, scope: string, template: boolean): string[] {
  const pick = <T>(list: readonly T[]) => list[i % list.length]!;
  const args: string[] = [];
  if (i % 2 === 0) args.push("--timeout", pick(["2s", "5min", "1h 30min"]));
  if (i % 3 === 0) args.push("--working-dir", pick(WORKING_DIRS));
  if (i % 4 === 1) args.push("--env", "GREETING=hello world", "--env", `RATIO=100% "quoted" $NOT_EXPANDED`);
  if (i % 5 === 2) args.push(pick(["--env-file=-/etc/default/matrix", "--env-file=/etc/matrix.env"]));
  if (i % 3 === 1) {
    const restart = pick(RESTARTS[type === "oneshot" ? "oneshot" : "other"]!);
    args.push("--restart", restart);
    if (restart !== "no") args.push("--restart-sec", "3s");
  }
  if (i % 4 === 2 && scope === "system") args.push("--user", "daemon", "--group", "nogroup");
  if (i % 5 === 0) args.push(...(scope === "system" ? ["--after", "network-online.target"] : ["--wants", "dbus.socket"]));
  if (i % 7 === 3) args.push("--after", "basic.target", "--wants", "basic.target");
  if (i % 6 === 4) args.push("--memory-max", pick(["512M", "20%", "infinity"]));
  if (i % 6 === 5) args.push("--cpu-quota", pick(["50%", "150", "12.5%"]));
  if (i % 4 === 3) args.push("--description", template ? "Worker %i at 100%" : "Nightly job, 100% unattended");
  if (type === "notify" && i % 2 === 1) args.push("--watchdog", "30s");
  return args;
}

export function combinations(): Combination[] {
  const list: Combination[] = [];
  for (const type of TYPES)
    for (const trigger of TRIGGERS)
      for (const scope of ["system", "user"] as const)
        for (const harden of HARDENING) {
          // A timer runs a oneshot; the other types meet --every through their own combinations.
          if (trigger[0] === "--every" && type !== "oneshot") continue;
          const i = list.length;
          const template = trigger[0] !== "--socket" && i % 3 === 2;
          const name = `m${i}`;
          const command = template ? TEMPLATE_COMMANDS[i % TEMPLATE_COMMANDS.length]! : COMMANDS[i % COMMANDS.length]!;
          const typeArgs = type === "notify" && i % 2 === 0 ? ["--notify"] : ["--type", type];
          // A user manager cannot create sockets in /run.
          const listen = scope === "user" && trigger[1]?.startsWith("/") ? ["--socket", "127.0.0.1:9090"] : trigger;
          const args = ["--name", name, "--command", command, ...typeArgs, ...listen, "--scope", scope, ...harden];
          if (template) args.push("--template");
          list.push({ name, scope, args: [...args, ...rotating(i, type, scope, template)] });
        }
  return list;
}
