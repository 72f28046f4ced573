import { runMocha } from "./mochaRun";
import { operationsSuite } from "./operations";

/** Entry point of the operations suite (--extensionTestsPath). */
export function run(): Promise<void> {
  return runMocha(() => operationsSuite());
}
