import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { nextDiagnostics } from "./waiting";
import { writeWorkspaceFile } from "./workspaceFiles";

export function diagnosticsSuite(): void {
  suite("diagnostics", () => {
    test("a malformed line is flagged as soon as the file opens", async () => {
      const malformedLine = 3;
      const uri = await writeWorkspaceFile("broken.service", "[Unit]\nDescription=Broken on purpose\n\nthis line has no equals sign\n");
      const published = nextDiagnostics(uri);
      await vscode.window.showTextDocument(uri);
      const diagnostics = await published;

      const onLine = diagnostics.filter((d) => d.range.start.line === malformedLine);
      assert.ok(onLine.length > 0, `nothing on line ${malformedLine + 1}: ${JSON.stringify(diagnostics)}`);
      assert.equal(onLine[0].source, "unitsmith");
      assert.ok(ruleId(onLine[0]), "the diagnostic names no rule id");
    });
  });
}

/** The rule id of a diagnostic, whether the server sent a bare code or one with a link. */
function ruleId(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
}
