// Every snippet, with its defaults accepted, must be a unit that systemd itself accepts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { expandToDefaults } from "./snippetDefaults";
import { repoRoot } from "./tokenizer";

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const snippets: Record<string, Snippet> = JSON.parse(readFileSync(join(repoRoot, "snippets", "systemd-unit.json"), "utf8"));

const run = promisify(execFile);

function unitText(name: string): string {
  const snippet = snippets[name];
  assert.ok(snippet, `no snippet named ${name}`);
  return expandToDefaults(snippet.body.join("\n"));
}

interface Layout {
  /** file path inside a temporary directory → the text to write there */
  files: Record<string, string>;
  /** the files handed to systemd-analyze verify */
  verify: string[];
  user?: boolean;
}

/** Writes the files to a fresh directory and returns what systemd-analyze verify printed. */
async function verify(layout: Layout): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), "unitsmith-snippet-"));
  try {
    for (const [path, text] of Object.entries(layout.files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const runtime = join(dir, "runtime");
    await mkdir(runtime);
    const argv = ["verify", ...(layout.user ? ["--user"] : []), ...layout.verify.map((f) => join(dir, f))];
    try {
      const { stdout, stderr } = await run("systemd-analyze", argv, {
        env: { ...process.env, XDG_RUNTIME_DIR: runtime },
        timeout: 30_000,
      });
      return { ok: stderr === "", output: stdout + stderr };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` || e.message };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Snippet name → where its expansion goes; timers, sockets and path units get their service beside them.
const layouts: Record<string, Layout> = {
  Service: { files: { "example.service": unitText("Service") }, verify: ["example.service"] },
  "Oneshot service": { files: { "example.service": unitText("Oneshot service") }, verify: ["example.service"] },
  Timer: {
    files: { "example.timer": unitText("Timer"), "example.service": unitText("Oneshot service") },
    verify: ["example.timer", "example.service"],
  },
  Socket: {
    files: { "example.socket": unitText("Socket"), "example.service": unitText("Socket-activated service") },
    verify: ["example.socket", "example.service"],
  },
  "Socket-activated service": {
    files: { "example.service": unitText("Socket-activated service"), "example.socket": unitText("Socket") },
    verify: ["example.service"],
  },
  "User service": { files: { "example.service": unitText("User service") }, verify: ["example.service"], user: true },
  "Template service": { files: { "example@.service": unitText("Template service") }, verify: ["example@.service"] },
  Path: {
    files: { "example.path": unitText("Path"), "example.service": unitText("Oneshot service") },
    verify: ["example.path", "example.service"],
  },
  Mount: { files: { "mnt-data.mount": unitText("Mount") }, verify: ["mnt-data.mount"] },
  "Drop-in override": {
    files: { "example.service": unitText("Service"), "example.service.d/override.conf": unitText("Drop-in override") },
    verify: ["example.service"],
  },
};

test("every snippet has a verification layout, a prefix and a description", () => {
  assert.deepEqual(Object.keys(layouts).sort(), Object.keys(snippets).sort());
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, "prefixes must be unique");
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.prefix && s.description, `${name} needs a prefix and a description`);
  }
});

for (const [name, layout] of Object.entries(layouts)) {
  test(`snippet "${name}" with its defaults passes systemd-analyze verify`, async () => {
    const result = await verify(layout);
    assert.ok(result.ok, `systemd-analyze verify complained:\n${result.output}`);
  });
}

test("the verification reads drop-ins and reports a command that does not exist", async () => {
  const result = await verify({
    files: {
      "example.service": unitText("Service"),
      "example.service.d/override.conf": "[Service]\nExecStart=\nExecStart=/nonexistent/unitsmith-command\n",
    },
    verify: ["example.service"],
  });
  assert.equal(result.ok, false);
  assert.match(result.output, /nonexistent\/unitsmith-command/);
});

test("accepting every default of the service snippet gives a complete unit", () => {
  assert.equal(
    unitText("Service"),
    [
      "[Unit]",
      "Description=Example service",
      "After=network.target",
      "",
      "[Service]",
      "Type=simple",
      "ExecStart=/usr/bin/sleep infinity",
      "Restart=on-failure",
      "",
      "[Install]",
      "WantedBy=multi-user.target",
      "",
    ].join("\n"),
  );
});
