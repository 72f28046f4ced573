import { test } from "node:test";
import { expectSuitePasses } from "./suitePasses";

test("the extension's mocha suite passes inside code-server", { timeout: 15 * 60_000 }, () =>
  expectSuitePasses("suite/index.ts", "extension-suite"),
);
