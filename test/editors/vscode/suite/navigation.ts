import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { openUnit } from "./openUnit";
import { untilFound } from "./waiting";
import { writeWorkspaceFile } from "./workspaceFiles";

/** Rename, workspace symbols, highlights, signature help and the offline effective unit, as VS Code asks for them. */
export function navigationSuite(): void {
  suite("navigation across files", () => {
    test("rename on a unit name changes every reference in the workspace", async () => {
      await writeWorkspaceFile("nav/cache.service", "[Service]\nExecStart=/usr/bin/true\n");
      const editor = await openUnit(
        "nav/front.service",
        "[Unit]\nWants=cache.service\nAfter=cache.service\n\n[Service]\nExecStart=/usr/bin/true\n",
      );
      // The unit index takes in the new cache.service once VS Code reports it changed.
      const edit = await untilFound(
        async () =>
          await vscode.commands
            .executeCommand<vscode.WorkspaceEdit>(
              "vscode.executeDocumentRenameProvider",
              editor.document.uri,
              new vscode.Position(1, 8),
              "store.service",
            )
            .then(
              (answer) => answer,
              () => undefined,
            ),
        "the rename, once the workspace's new unit is known",
      );
      const texts = edit
        .entries()
        .flatMap(([uri, edits]) => edits.map((e) => `${uri.path.split("/").pop()}:${e.range.start.line}:${e.newText}`));
      assert.deepEqual(texts.sort(), ["front.service:1:store.service", "front.service:2:store.service"]);
      // The file and its drop-in directory are renamed by the same edit; the protocol test checks those operations.
      assert.ok(edit.size >= 1, "one edit for the references and the files");
    });

    test("workspace symbols list the workspace's units", async () => {
      await writeWorkspaceFile("nav/nightly.timer", "[Timer]\nOnCalendar=daily\n");
      const symbols = await untilFound(async () => {
        const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>("vscode.executeWorkspaceSymbolProvider", "nightly");
        return found.some((symbol) => symbol.name === "nightly.timer") ? found : undefined;
      }, "nightly.timer among the workspace symbols");
      assert.ok(symbols.every((symbol) => symbol.location.uri.scheme === "file"));
    });

    test("highlights every assignment of a directive, and signature help names the part under the cursor", async () => {
      const editor = await openUnit("nav/env.service", "[Service]\nEnvironment=A=1\nExecStart=/usr/bin/true\nEnvironment=B=2\n");
      const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>(
        "vscode.executeDocumentHighlights",
        editor.document.uri,
        new vscode.Position(1, 3),
      );
      assert.deepEqual(
        highlights.map((highlight) => highlight.range.start.line),
        [1, 3],
      );
      const help = await vscode.commands.executeCommand<vscode.SignatureHelp>(
        "vscode.executeSignatureHelpProvider",
        editor.document.uri,
        new vscode.Position(2, 12),
      );
      assert.equal(help.signatures[help.activeSignature]?.label, "ExecStart=[PREFIXES]PROGRAM [ARGUMENT...]");
      assert.equal(help.activeParameter, 1);
    });

    test("the language server's lens counts the references to the unit", async () => {
      await writeWorkspaceFile("nav/lens-user.service", "[Unit]\nWants=lensed.service\n\n[Service]\nExecStart=/usr/bin/true\n");
      const editor = await openUnit("nav/lensed.service", "[Service]\nExecStart=/usr/bin/true\n");
      const titles = await untilFound(async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", editor.document.uri, 10);
        const found = lenses.map((lens) => lens.command?.title ?? "").filter((title) => /reference/.test(title));
        // The unit index takes in the new file once VS Code reports it changed.
        return found.includes("1 reference") ? found : undefined;
      }, "the references lens counting the new file");
      assert.deepEqual(titles, ["1 reference"]);
    });

    test("Show Effective Unit (Offline) opens the unit with its drop-ins applied", async () => {
      await writeWorkspaceFile("nav/app.service.d/10-nice.conf", "[Service]\nNice=5\n");
      await openUnit("nav/app.service", "[Service]\nExecStart=/usr/bin/true\nNice=1\n");
      await vscode.commands.executeCommand("unitsmith.showEffectiveUnit");
      const shown = await untilFound(() => {
        const text = vscode.window.activeTextEditor?.document.getText() ?? "";
        return text.startsWith("# app.service as systemd loads it") ? text : undefined;
      }, "the effective unit");
      assert.match(shown, /\/nav\/app\.service\.d\/10-nice\.conf:2\nNice=5\n/);
      assert.doesNotMatch(shown, /Nice=1/);
    });
  });
}
