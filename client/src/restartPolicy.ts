import { t } from "./l10n";
const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 4;

export interface RestartDecision {
  restart: boolean;
  /** What to tell the user; absent when they were told already. */
  message?: string;
}

/**
 * When the server process dies, start it again and say so once; stop trying after several deaths
 * in a short time, and say that too, since something is then wrong with the server itself.
 */
export class RestartPolicy {
  private readonly deaths: number[] = [];
  private told = false;

  constructor(private readonly now: () => number = Date.now) {}

  serverStopped(): RestartDecision {
    const now = this.now();
    this.deaths.push(now);
    while (this.deaths.length > 0 && now - this.deaths[0]! > WINDOW_MS) this.deaths.shift();
    if (this.deaths.length > MAX_RESTARTS) {
      return {
        restart: false,
        message: t(
          "The Unitsmith language server stopped {0} times in three minutes and is not restarted again. The Unitsmith output channel has its log; reload the window to try again.",
          this.deaths.length,
        ),
      };
    }
    if (this.told) return { restart: true };
    this.told = true;
    return { restart: true, message: t("The Unitsmith language server stopped unexpectedly and was restarted.") };
  }
}
