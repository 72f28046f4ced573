import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { openUnit } from "./openUnit";
import { ruleId } from "./ruleId";
import { diagnosticsWhere, nextDiagnostics } from "./waiting";
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
      const [first] = onLine;
      assert.ok(first, `nothing on line ${malformedLine + 1}: ${JSON.stringify(diagnostics)}`);
      assert.equal(first.source, "unitsmith");
      assert.ok(ruleId(first), "the diagnostic names no rule id");
    });

    test("saving runs systemd-analyze verify, which reports a program that is not installed", async () => {
      const program = "/usr/bin/unitsmith-no-such-program";
      const editor = await openUnit("verified.service", "[Unit]\nDescription=Verified on save\n\n[Service]\nExecStart=/usr/bin/true\n");
      await editor.edit((edit) => edit.replace(new vscode.Range(4, 10, 4, 23), program));
      const verified = diagnosticsWhere(
        editor.document.uri,
        (diagnostics) => diagnostics.some((d) => d.source === "systemd-analyze"),
        "systemd-analyze diagnostics",
      );
      assert.ok(await editor.document.save(), "the document was not saved");
      const fromVerify = (await verified).filter((d) => d.source === "systemd-analyze");

      const [diagnostic, ...others] = fromVerify;
      assert.ok(diagnostic && others.length === 0, JSON.stringify(fromVerify));
      assert.match(diagnostic.message, new RegExp(`${program} is not executable`));
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information, "a program missing here is information");
    });
  });
}
