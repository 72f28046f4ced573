export interface UnitFileRow {
  name: string;
  /** As `systemctl is-enabled` prints it. */
  state: string;
}

function rows(stdout: string): string[][] {
  return stdout
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => line.split(/\s+/));
}

/** Unit names from `systemctl list-units --all --plain --no-legend --full` (the first column). */
export function parseListUnitsNames(stdout: string): string[] {
  return rows(stdout).map(([name]) => name!);
}

/** `systemctl list-units --all --plain --no-legend --full`: unit name → "active (running)", "failed (failed)", ... */
export function parseListUnitsStates(stdout: string): Map<string, string> {
  return new Map(
    rows(stdout)
      .filter((columns) => columns.length >= 4)
      .map(([name, , active, sub]) => [name!, `${active!} (${sub!})`]),
  );
}

/** `systemctl list-unit-files --plain --no-legend --full`: name, state and (since v245) the vendor preset. */
export function parseListUnitFiles(stdout: string): UnitFileRow[] {
  return rows(stdout)
    .filter((columns) => columns.length >= 2)
    .map(([name, state]) => ({ name: name!, state: state! }));
}
