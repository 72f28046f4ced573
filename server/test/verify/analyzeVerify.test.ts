import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { unitKind } from "../../src/language/unitKind";
import { verifyDocument, type VerifyOutcome, type VerifyRequest } from "../../src/systemd/analyzeVerify";
import { verifyFile } from "../../src/systemd/verifyFile";
import { hangWithChild, pidsIn, survivorsOf, untilExists } from "../systemd/liveProcesses";
import { hasSystemdAnalyze } from "../values/systemdAnalyze";
import { describeDiagnostic, messageText } from "./render";

const skip = hasSystemdAnalyze() ? false : "systemd-analyze is not installed";
const workspace = mkdtempSync(join(tmpdir(), "unitsmith-verify-test-"));
after(() => rmSync(workspace, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const path = join(workspace, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

async function verify(path: string, text: string, extra: Partial<VerifyRequest> = {}): Promise<VerifyOutcome> {
  return verifyDocument({ path, text, kind: unitKind(path), signal: new AbortController().signal, ...extra });
}

function diagnosticsOf(outcome: VerifyOutcome): Diagnostic[] {
  assert.ok(outcome.ran, `systemd-analyze did not run: ${outcome.ran ? "" : outcome.message}`);
  return outcome.diagnostics;
}

const rows = (outcome: VerifyOutcome, text: string) => diagnosticsOf(outcome).map((d) => describeDiagnostic(d, text));

describe("verifyDocument with the installed systemd-analyze", { skip }, () => {
  it("finds nothing wrong with a clean service, whose man page and default dependencies are not installed here", async () => {
    const text =
      "[Unit]\nDescription=Clean\nDocumentation=man:unitsmith-not-a-page(8)\n\n[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n";
    assert.deepEqual(diagnosticsOf(await verify(join(workspace, "clean.service"), text)), []);
  });

  it("warns about an unknown key on its line, and a bad value on the value", async () => {
    const text = "[Service]\nExecStart=/bin/true\nFoo=1\nRestart=sometimes\n";
    const diagnostics = diagnosticsOf(await verify(join(workspace, "typo.service"), text));
    assert.deepEqual(
      diagnostics.map((d) => describeDiagnostic(d, text)),
      [
        "3 warning unknown-key «Foo» Unknown key 'Foo' in section [Service], ignoring.",
        "4 warning bad-value «sometimes» Failed to parse service restart specifier, ignoring: sometimes",
      ],
    );
    assert.ok(diagnostics.every((d) => d.source === "systemd-analyze"));
  });

  it("verifies a template as an instance and reports on the template's lines", async () => {
    const text = "[Unit]\nDescription=Worker %i\n[Service]\nExecStart=/bin/echo %i\nFoo=1\n";
    assert.deepEqual(rows(await verify(join(workspace, "worker@.service"), text), text), [
      "5 warning unknown-key «Foo» Unknown key 'Foo' in section [Service], ignoring.",
    ]);
  });

  it("verifies a drop-in together with the unit it extends", async () => {
    const parent = { path: join(workspace, "web.service"), text: "[Service]\nExecStart=/bin/true\n" };
    const text = "[Service]\nExecStart=/bin/false\nNope=1\n";
    const path = join(workspace, "web.service.d", "override.conf");
    const outcome = await verify(path, text, { findParentUnit: (dropIn) => (dropIn.parent === "web.service" ? parent : undefined) });
    assert.deepEqual(rows(outcome, text), [
      "1 error refused «[Service]» Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.",
      "3 warning unknown-key «Nope» Unknown key 'Nope' in section [Service], ignoring.",
    ]);
  });

  it("verifies a drop-in whose unit is not at hand next to a stand-in, keeping only the drop-in's problems", async () => {
    const text = "[Service]\nRestart=sometimes\n";
    assert.deepEqual(rows(await verify(join(workspace, "gone.service.d", "x.conf"), text), text), [
      "2 warning bad-value «sometimes» Failed to parse service restart specifier, ignoring: sometimes",
    ]);
  });

  it("verifies a user unit with --user, with no runtime directory in the environment", async () => {
    const saved = process.env.XDG_RUNTIME_DIR;
    delete process.env.XDG_RUNTIME_DIR;
    try {
      // %t is the runtime directory for a user manager and /run for the system one.
      const text = "[Service]\nExecStart=%t/unitsmith-not-installed\nFoo=1\n[Install]\nWantedBy=default.target\n";
      const path = join(workspace, ".config", "systemd", "user", "agent.service");
      assert.equal(unitKind(path).scope, "user");
      assert.deepEqual(rows(await verify(path, text), text), [
        "1 info missing-executable «[Service]» Command $XDG_RUNTIME_DIR/unitsmith-not-installed is not executable: No such file or directory (environment)",
        "3 warning unknown-key «Foo» Unknown key 'Foo' in section [Service], ignoring.",
      ]);
    } finally {
      if (saved !== undefined) process.env.XDG_RUNTIME_DIR = saved;
    }
  });

  it("verifies the unsaved buffer, not the file on disk, and never touches the file", async () => {
    const onDisk = "[Service]\nExecStart=/bin/true\nOnDiskOnly=1\n";
    const path = write("edited.service", onDisk);
    const buffer = "[Service]\nExecStart=/bin/true\nInBufferOnly=1\n";
    assert.deepEqual(rows(await verify(path, buffer), buffer), [
      "3 warning unknown-key «InBufferOnly» Unknown key 'InBufferOnly' in section [Service], ignoring.",
    ]);
    assert.equal(readFileSync(path, "utf8"), onDisk);
  });

  it("reports a missing executable as information that depends on the machine, and hides it on request", async () => {
    const text = "[Service]\nExecStart=/usr/bin/unitsmith-not-installed --serve\n";
    const path = join(workspace, "missing.service");
    const [missing, ...rest] = diagnosticsOf(await verify(path, text));
    assert.equal(rest.length, 0);
    assert.equal(missing!.severity, DiagnosticSeverity.Information);
    assert.equal(missing!.code, "missing-executable");
    assert.match(messageText(missing!), /Command \/usr\/bin\/unitsmith-not-installed is not executable/);
    assert.deepEqual(missing!.data, { environmentDependent: true });
    assert.deepEqual(diagnosticsOf(await verify(path, text, { showEnvironmentNoise: false })), []);
  });

  it("does not let the staging directory show in any message", async () => {
    const text = "[Service]\nExecStart=bin/true\n";
    const path = join(workspace, "staged.service");
    const messages = diagnosticsOf(await verify(path, text)).map(messageText);
    assert.ok(messages.length > 0);
    assert.ok(
      messages.every((m) => !m.includes("unitsmith-verify-") && !m.includes(tmpdir() + "/unitsmith")),
      messages.join("\n"),
    );
  });

  it("reads units only from the staging directory, so what is installed here does not change the result", async () => {
    // systemd-journald.service is installed wherever systemd is, yet the socket's check does not find it.
    const text = "[Socket]\nListenStream=/run/unitsmith-probe.sock\nService=systemd-journald.service\n";
    assert.deepEqual(rows(await verify(join(workspace, "probe.socket"), text), text), [
      "1 info missing-unit «[Socket]» service systemd-journald.service not loaded, socket cannot be started. (environment)",
    ]);
  });

  it("says which kinds of file it cannot verify", async () => {
    const network = await verify(join(workspace, "systemd", "network", "10-eth.network"), "[Match]\nName=eth0\n");
    assert.equal(network.ran ? "ran" : network.reason, "unsupported-kind");
    const notes = await verify(join(workspace, "notes.txt"), "hello\n");
    assert.equal(notes.ran ? "ran" : notes.reason, "unsupported-kind");
  });

  it("verifies a file on disk for the CLI, finding a drop-in's unit beside its directory", async () => {
    write("api.service", "[Service]\nExecStart=/bin/true\n");
    const dropIn = write("api.service.d/10-limits.conf", "[Service]\nExecStart=/bin/false\n");
    const outcome = await verifyFile(dropIn);
    assert.deepEqual(
      diagnosticsOf(outcome).map((d) => d.code),
      ["refused"],
    );
  });
});

/** Puts a directory holding only a fake `systemd-analyze` first on PATH while `use` runs. */
async function withFakeFirstOnPath<T>(script: string, use: () => Promise<T>): Promise<T> {
  const bin = mkdtempSync(join(workspace, "fake-bin-"));
  writeFileSync(join(bin, "systemd-analyze"), script, { mode: 0o755 });
  const saved = process.env.PATH;
  process.env.PATH = `${bin}${delimiter}${saved ?? ""}`;
  try {
    return await use();
  } finally {
    process.env.PATH = saved;
  }
}

/** A fake systemd-analyze that records the file it was given, then hangs with a child (pids in `state`/pids). */
function hangingFake(state: string): string {
  return [
    "#!/bin/sh",
    `for arg in "$@"; do last="$arg"; done`,
    `echo "$last" > '${state}/file'`,
    hangWithChild(join(state, "pids")),
    "",
  ].join("\n");
}

describe("verifyDocument when systemd-analyze misbehaves", () => {
  const text = "[Service]\nExecStart=/bin/true\n";

  it("gives up on a hung fake systemd-analyze after the timeout, leaving no process or directory behind", async () => {
    const state = mkdtempSync(join(workspace, "state-"));
    const outcome = await withFakeFirstOnPath(hangingFake(state), () => verify(join(workspace, "slow.service"), text, { timeoutMs: 1500 }));
    assert.deepEqual(outcome, { ran: false, reason: "timed-out", message: "systemd-analyze verify timed out after 1.5 s" });
    assert.deepEqual(await survivorsOf(await pidsIn(join(state, "pids"))), []);
    const staged = readFileSync(join(state, "file"), "utf8").trim();
    assert.match(staged, /\/slow\.service$/);
    assert.ok(!existsSync(dirname(dirname(staged))), "the staging directory was removed");
  });

  it("stops a hung fake systemd-analyze when the request is cancelled", async () => {
    const state = mkdtempSync(join(workspace, "state-"));
    const controller = new AbortController();
    const outcome = await withFakeFirstOnPath(hangingFake(state), () => {
      const pending = verify(join(workspace, "edited-again.service"), text, { signal: controller.signal, timeoutMs: 30_000 });
      void untilExists(join(state, "pids")).then(() => controller.abort());
      return pending;
    });
    assert.equal(outcome.ran ? "ran" : outcome.reason, "cancelled");
    assert.deepEqual(await survivorsOf(await pidsIn(join(state, "pids"))), []);
    assert.ok(!existsSync(dirname(dirname(readFileSync(join(state, "file"), "utf8").trim()))));
  });

  it("does not start at all when cancelled before it runs", async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await verify(join(workspace, "never.service"), text, { signal: controller.signal });
    assert.equal(outcome.ran ? "ran" : outcome.reason, "cancelled");
  });

  it("says the binary is missing, with its own reason", async () => {
    const outcome = await verify(join(workspace, "any.service"), text, { executable: join(workspace, "no-such-dir", "systemd-analyze") });
    assert.equal(outcome.ran ? "ran" : outcome.reason, "binary-missing");
    assert.match(outcome.ran ? "" : outcome.message, /was not found/);
  });
});
