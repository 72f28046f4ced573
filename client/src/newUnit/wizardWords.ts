/** What the wizard calls each of `unitsmith new`'s flags: the subject of its question. */
const WORDS: Readonly<Record<string, string>> = {
  "--name": "the name",
  "--command": "the command",
  "--description": "the description",
  "--type": "the way it runs",
  "--timeout": "the longest it may run",
  "--restart": "the restart policy",
  "--restart-sec": "the wait before restarting",
  "--notify": "notify",
  "--watchdog": "the watchdog",
  "--user": "run as user",
  "--group": "run as group",
  "--working-dir": "the working directory",
  "--env": "an environment variable",
  "--env-file": "the environment file",
  "--after": "start after",
  "--wants": "pull in",
  "--scope": "the manager",
  "--template": "a template",
  "--every": "a schedule",
  "--cron": "the cron schedule",
  "--socket": "a socket",
  "--harden": "sandboxing",
  "--memory-max": "the memory limit",
  "--cpu-quota": "the CPU quota",
};

/**
 * The generator's refusal in the wizard's words: `--command: "x" was not found` becomes
 * `The command: "x" was not found`, `a --scope user unit` becomes `a user unit`.
 */
export function inWizardWords(message: string): string {
  return message
    .replace(/--scope (user|system) unit/g, "$1 unit")
    .replace(/--type (\w+)/g, "Type=$1")
    .replace(/--restart (\S+):/g, "Restart=$1:")
    .replace(/--[a-z-]+/g, (flag) => WORDS[flag] ?? flag)
    .replace(/(^|\. )([a-z])/g, (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}
