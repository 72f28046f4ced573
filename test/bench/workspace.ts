import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CompletionRequest, HoverRequest, ReferencesRequest } from "vscode-languageserver-protocol/node";
import { BenchServer } from "./benchServer";

/** A workspace of `count` small services in folders of a hundred, each wanting the one before it. */
export function generatedWorkspace(count: number): string {
  const root = mkdtempSync(join(tmpdir(), "unitsmith-bench-workspace-"));
  for (let i = 0; i < count; i++) {
    const folder = join(root, `group-${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(folder);
    const wants = i > 0 ? `Wants=app-${i - 1}.service\nAfter=app-${i - 1}.service\n` : "";
    writeFileSync(
      join(folder, `app-${i}.service`),
      `[Unit]\nDescription=Generated service ${i}\n${wants}\n[Service]\nExecStart=/usr/bin/app ${i}\n\n[Install]\nWantedBy=multi-user.target\n`,
    );
  }
  return root;
}

/** A server with the workspace open and its unit index built, and what that took. */
export interface OpenWorkspace {
  server: BenchServer;
  /** From opening a unit to the first completion of the workspace's last unit's name that offers it. */
  indexMs: number;
  /** The first hover, sent as the unit opens: it waits for the server's session to load and for its man page. */
  firstHoverMs: number;
  /** The longest round trip of the hovers sent every few milliseconds after it while the index builds. */
  longestStallMs: number;
  /** Completes a unit name after `After=app-9` (1,111 names start so). */
  completeUnitName(): Promise<unknown>;
  /** Finds the references of the unit named there. */
  findReferences(): Promise<unknown>;
}

/** A unit naming app-9 and the workspace's last unit, which the index lists last. */
const unitText = (lastUnit: string) => `[Unit]\nDescription=Bench\nAfter=app-9.service\nWants=${lastUnit}\n`;

/** Starts a server on the workspace, opens a unit in it and waits until the index offers `lastUnit`. */
export async function openWorkspace(bundle: string, root: string, lastUnit: string): Promise<OpenWorkspace> {
  const server = await BenchServer.start(bundle, root);
  const started = performance.now();
  // The index starts building with the first request that needs it (the document's diagnostics), not awaited here.
  const uri = await server.open(join(root, "bench.service"), unitText(lastUnit), false);
  const complete = (line: number, character: number) =>
    server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  const hover = () => server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 } });
  // Hovers keep coming while the index builds; the slowest answer after the first is how long the
  // server stalled. The first waits for what a server does once, not for the index: the session's
  // code to load and systemd.unit(5) to be parsed.
  let building = true;
  let longestStallMs = 0;
  let firstHoverMs = 0;
  const probe = (async () => {
    for (let first = true; building; first = false) {
      const t = performance.now();
      await hover();
      if (first) firstHoverMs = performance.now() - t;
      else longestStallMs = Math.max(longestStallMs, performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const offers = (result: unknown) => JSON.stringify(result).includes(`"${lastUnit}"`);
  while (!offers(await complete(3, `Wants=${lastUnit}`.length))) await new Promise((resolve) => setTimeout(resolve, 20));
  const indexMs = performance.now() - started;
  building = false;
  await probe;
  return {
    server,
    indexMs,
    firstHoverMs,
    longestStallMs,
    completeUnitName: () => complete(2, "After=app-9".length),
    findReferences: () =>
      server.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri },
        position: { line: 2, character: 8 },
        context: { includeDeclaration: true },
      }),
  };
}

export const removeWorkspace = (root: string) => rmSync(root, { recursive: true, force: true });
