import { test } from "node:test";
import { expectSuitePasses } from "./suitePasses";

test("New Unit, Add a Timer and Add a Socket pass their mocha suite inside code-server", { timeout: 15 * 60_000 }, () =>
  expectSuitePasses("suite/newUnitIndex.ts", "new-unit-suite"),
);
