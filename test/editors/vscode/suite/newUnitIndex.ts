import { runMocha } from "./mochaRun";
import { newUnitSuite } from "./newUnit";

/** Entry point of the New Unit suite (--extensionTestsPath). */
export function run(): Promise<void> {
  return runMocha(() => newUnitSuite());
}
