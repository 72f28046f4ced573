import type { Scope } from "../language/unitKind";
import { SYSTEMD_TOOL_ENV, systemctlArgv } from "../systemd/commandLines";
import { parseListUnitsStates } from "../systemd/listOutput";
import { runProcess } from "../systemd/processRunner";

const FRESH_MS = 5000;
const TIMEOUT_MS = 3000;

/**
 * The state of every unit the scope's manager has loaded, for hovers on unit names. Asked with
 * one `systemctl list-units` at most every few seconds, in the background: a hover never waits
 * for systemctl, it shows the state from the last answer (none until the first one arrives).
 * Nothing runs while processes are not allowed (an untrusted workspace).
 */
export class UnitStates {
  private readonly known = new Map<Scope, { at: number; states: Map<string, string> }>();
  private readonly asking = new Set<Scope>();

  constructor(private readonly mayRun: () => boolean) {}

  get(scope: Scope, name: string): string | undefined {
    const entry = this.known.get(scope);
    if ((!entry || Date.now() - entry.at > FRESH_MS) && this.mayRun()) void this.refresh(scope);
    return entry?.states.get(name);
  }

  private async refresh(scope: Scope): Promise<void> {
    if (this.asking.has(scope)) return;
    this.asking.add(scope);
    try {
      const argv = systemctlArgv(scope, ["list-units", "--all", "--plain", "--no-legend", "--full"]);
      const result = await runProcess(argv, { timeoutMs: TIMEOUT_MS, env: SYSTEMD_TOOL_ENV });
      // No systemd to ask (or it failed): remember that too, so it is not asked on every hover.
      const states = result.ok && result.code === 0 ? parseListUnitsStates(result.stdout) : new Map<string, string>();
      this.known.set(scope, { at: Date.now(), states });
    } finally {
      this.asking.delete(scope);
    }
  }
}
