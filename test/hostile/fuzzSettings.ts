/**
 * The seed and the number of cases of a fuzzing run: fixed in CI, so a failure can be replayed;
 * a longer run for a release sets UNITSMITH_FUZZ_RUNS (and a fresh UNITSMITH_FUZZ_SEED).
 */
export function fuzzSettings(defaultSeed: number, defaultRuns: number): { seed: number; runs: number } {
  const seed = Number(process.env.UNITSMITH_FUZZ_SEED ?? defaultSeed);
  const runs = Number(process.env.UNITSMITH_FUZZ_RUNS ?? defaultRuns);
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
    throw new Error("UNITSMITH_FUZZ_SEED and UNITSMITH_FUZZ_RUNS must be whole numbers (runs at least 1)");
  }
  return { seed, runs };
}
