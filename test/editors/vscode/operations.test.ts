import { test } from "node:test";
import { expectSuitePasses } from "./suitePasses";

test("the operations UI's mocha suite passes inside code-server", { timeout: 15 * 60_000 }, () =>
  expectSuitePasses("suite/operationsIndex.ts", "operations-suite"),
);
