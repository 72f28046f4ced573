import assert from "node:assert/strict";
import { suite, suiteSetup, suiteTeardown, test } from "mocha";
import * as vscode from "vscode";
import { showUnit } from "./openUnit";
import { nextDiagnostics } from "./waiting";

const SCHEME = "unitsmith-virtual";

/** Files that live in memory, not on this machine's disk, as a virtual workspace's files do. */
class MemoryFiles implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: data.length };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((path) => [path.slice(path.lastIndexOf("/") + 1), vscode.FileType.File]);
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content);
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions("rename");
  }
}

/** What package.json's capabilities.virtualWorkspaces promises: authoring works on files that are not on disk. */
export function virtualFilesSuite(): void {
  suite("files that are not on this machine's disk", () => {
    const files = new MemoryFiles();
    let registration: vscode.Disposable | undefined;
    suiteSetup(() => {
      registration = vscode.workspace.registerFileSystemProvider(SCHEME, files);
    });
    suiteTeardown(() => registration?.dispose());

    test("are checked and completed like files on disk", async () => {
      const uri = vscode.Uri.from({ scheme: SCHEME, path: "/units/remote.service" });
      files.writeFile(uri, new TextEncoder().encode("[Service]\nExecStart=/usr/bin/true\nthis line has no equals sign\nExec\n"));
      const published = nextDiagnostics(uri);
      const editor = await showUnit(uri);
      assert.equal(editor.document.languageId, "systemd-unit");
      const diagnostics = await published;
      assert.ok(
        diagnostics.some((diagnostic) => diagnostic.source === "unitsmith" && diagnostic.range.start.line === 2),
        JSON.stringify(diagnostics),
      );
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        "vscode.executeCompletionItemProvider",
        uri,
        new vscode.Position(3, 4),
      );
      const labels = list.items.map((item) => (typeof item.label === "string" ? item.label : item.label.label));
      assert.ok(labels.includes("ExecStartPre"), labels.slice(0, 20).join(", "));
    });
  });
}
