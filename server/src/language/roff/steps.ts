// A long parse as steps: a generator that yields between two parts of its work and returns what it
// built. The server runs it in slices, letting requests in between (`inSlices`); the command line,
// the tests and the browser run it through at once (`finished`).

export type Steps<T> = Generator<void, T, void>;

/** Back to the event loop: at once after pending I/O where there is setImmediate (Node), else by a timer (browsers wait a few ms). */
const pause = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Runs the steps through without a pause. */
export function finished<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * How work in slices gives way between two of them: at once, when someone waits for it, or, for
 * work done ahead that nobody waits for yet, for a while, so that requests arriving meanwhile are
 * not answered behind it. A waiter may make background work urgent at any time.
 */
export interface Pace {
  urgent: boolean;
}

/** The pace of work someone waits for. */
export const URGENT: Readonly<Pace> = { urgent: true };

/** Background work runs in short slices with long pauses between them: a request waits a few ms behind one at most, and requests get nine tenths of the time. */
const BACKGROUND_SLICE_MS = 3;
const BACKGROUND_PAUSE_MS = 32;
const backgroundPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, BACKGROUND_PAUSE_MS));

/** Runs the steps about `sliceMs` at a time and goes back to the event loop between two slices, as `pace` says. */
export async function inSlices<T>(steps: Steps<T>, sliceMs = 8, pace: Readonly<Pace> = URGENT): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= (pace.urgent ? sliceMs : Math.min(sliceMs, BACKGROUND_SLICE_MS))) {
      await (pace.urgent ? pause() : backgroundPause());
      sliceStart = performance.now();
    }
  }
}

/** Whether the `count`th line or block ends a step: a step is a few milliseconds of work on a slow machine. */
export const endsStep = (count: number) => count % 256 === 0;
