import type { NewUnitOptions } from "../../../server/src/language/generate";

type OptionKey = Exclude<keyof NewUnitOptions, "invocation">;

/** Each option's `unitsmith new` flag, in the order `unitsmith new --help` lists them. */
const FLAGS: readonly (readonly [OptionKey, string])[] = [
  ["name", "--name"],
  ["command", "--command"],
  ["description", "--description"],
  ["type", "--type"],
  ["timeout", "--timeout"],
  ["restart", "--restart"],
  ["restartSec", "--restart-sec"],
  ["notify", "--notify"],
  ["watchdog", "--watchdog"],
  ["user", "--user"],
  ["group", "--group"],
  ["workingDir", "--working-dir"],
  ["env", "--env"],
  ["envFile", "--env-file"],
  ["after", "--after"],
  ["wants", "--wants"],
  ["scope", "--scope"],
  ["template", "--template"],
  ["every", "--every"],
  ["cron", "--cron"],
  ["socket", "--socket"],
  ["harden", "--harden"],
  ["memoryMax", "--memory-max"],
  ["cpuQuota", "--cpu-quota"],
];

/** "--flag value", or "--flag=value" when the value starts with "-" (which would read as another option). */
const flagWithValue = (flag: string, value: string): string[] => (value.startsWith("-") ? [`${flag}=${value}`] : [flag, value]);

/**
 * The `unitsmith new` arguments that ask for the same units as `options`. Generated files repeat
 * them in their header, so a unit made in the editor can be made again from a shell.
 */
export function invocationOf(options: NewUnitOptions): string[] {
  return FLAGS.flatMap(([key, flag]) => {
    const value = options[key];
    if (value === undefined || value === false) return [];
    if (value === true) return [flag];
    if (typeof value === "string") return flagWithValue(flag, value);
    return value.flatMap((item) => flagWithValue(flag, item));
  });
}
