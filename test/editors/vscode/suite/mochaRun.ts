import Mocha from "mocha";
import { format } from "node:util";
import { reportMarker } from "./reportMarker";

/**
 * Runs mocha inside the extension host. `register` declares the suites (with mocha's tdd
 * functions imported from "mocha"), which only works once the interface has been set up here.
 * Rejecting tells VS Code the run failed, so the workbench exits with code 1.
 */
export function runMocha(register: () => void): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    const text = format(...args);
    console.log(
      text
        .split("\n")
        .map((line) => reportMarker + line)
        .join("\n"),
    );
  };
  const mocha = new Mocha({ ui: "tdd", color: false, timeout: 60_000 });
  mocha.suite.emit("pre-require", globalThis, "bundle", mocha);
  register();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
