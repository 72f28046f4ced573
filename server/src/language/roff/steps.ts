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

/** Runs the steps about `sliceMs` at a time and goes back to the event loop between two slices. */
export async function inSlices<T>(steps: Steps<T>, sliceMs = 4): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** Whether the `count`th line or block ends a step: a step is a few milliseconds of work on a slow machine. */
export const endsStep = (count: number) => count % 256 === 0;
