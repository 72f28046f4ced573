import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { COMMAND_IDS, DEPENDENCY_GRAPH, EFFECTIVE_UNIT, SHOW_MAN_PAGE } from "../../../../server/src/protocol";
import manifest from "../../../../package.json";
import { openUnit } from "./openUnit";

// The workbench registers these for every contributed view.
const viewCommands = ["focus", "removeView", "resetViewLocation", "toggleVisibility"];

export function commandsSuite(): void {
  suite("commands", () => {
    test("the unitsmith.* commands are exactly the manifest's, its views' and the server's", async () => {
      await openUnit("commands.service", "[Service]\nExecStart=/usr/bin/true\n");
      const views = Object.values(manifest.contributes.views).flatMap((list) => list.map((view) => view.id));
      const expected = [
        ...manifest.contributes.commands.map((command) => command.command),
        ...views.flatMap((view) => viewCommands.map((name) => `${view}.${name}`)),
        // The language client registers each command the server announces in executeCommandProvider.
        ...COMMAND_IDS,
        SHOW_MAN_PAGE,
        EFFECTIVE_UNIT,
        DEPENDENCY_GRAPH,
      ];
      const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith("unitsmith."));
      assert.deepEqual(
        {
          notRegistered: expected.filter((id) => !registered.includes(id)),
          notDeclared: registered.filter((id) => !expected.includes(id)),
        },
        { notRegistered: [], notDeclared: [] },
      );
    });
  });
}
