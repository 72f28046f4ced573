// The mapping from systemd's result, exit status and journal of a run to the line that caused the
// failure. The journal lines are systemd 252's own words for each case (the container test makes
// them for real); here each case is checked on its own, drop-ins and fallbacks included.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { explainFailure, type FailureFacts, type RunJournalLine } from "../../src/language/failure/explainFailure";
import { parseUnitFile } from "../../src/language/parser";
import { parseRunJournal } from "../../src/systemd/runJournal";

const byManager = (...lines: string[]): RunJournalLine[] => lines.map((message) => ({ message, fromManager: true }));
const byProgram = (...lines: string[]): RunJournalLine[] => lines.map((message) => ({ message, fromManager: false }));
const files = (...texts: string[]) =>
  texts.map((text, index) => ({ path: `/etc/systemd/system/x.service${index ? `.d/${index}.conf` : ""}`, file: parseUnitFile(text) }));
const exited = (status: number, journal: RunJournalLine[]): FailureFacts => ({
  result: "exit-code",
  execMainCode: 1,
  execMainStatus: status,
  journal,
});

describe("explaining a failed run", () => {
  test("a run that did not fail has nothing to explain", () => {
    assert.equal(
      explainFailure({ result: "success", execMainCode: 1, execMainStatus: 0, journal: [] }, files("[Service]\nExecStart=/bin/true\n")),
      undefined,
    );
  });

  test("203/EXEC points at the command whose program is missing, not the first one", () => {
    const unit = "[Service]\nExecStartPre=/bin/true\nExecStartPre=/opt/app/migrate\nExecStart=/opt/app/serve\n";
    const explained = explainFailure(
      {
        result: "exit-code",
        execMainCode: 0,
        execMainStatus: 0,
        journal: byManager(
          "x.service: Failed to locate executable /opt/app/migrate: No such file or directory",
          "x.service: Failed at step EXEC spawning /opt/app/migrate: No such file or directory",
          "x.service: Control process exited, code=exited, status=203/EXEC",
        ),
      },
      files(unit),
    );
    assert.equal(explained?.cause, "203/EXEC");
    assert.equal(explained?.place?.range.start.line, 2);
    assert.match(explained!.message, /\/opt\/app\/migrate could not be executed: No such file or directory/);
  });

  test("a program named without its path is matched by its name", () => {
    const explained = explainFailure(
      exited(203, byManager("x.service: Failed at step EXEC spawning /usr/bin/serve-it: Permission denied")),
      files("[Service]\nExecStartPre=/bin/true\nExecStart=serve-it --port 80\n"),
    );
    assert.equal(explained?.place?.range.start.line, 2);
    assert.match(explained!.message, /Permission denied/);
  });

  test("226/NAMESPACE points at the directive that names the missing path, in the drop-in that sets it", () => {
    const explained = explainFailure(
      exited(
        226,
        byManager(
          "x.service: Failed to set up mount namespacing: /run/systemd/unit-root/srv/data: No such file or directory",
          "x.service: Failed at step NAMESPACE spawning /bin/true: No such file or directory",
        ),
      ),
      files("[Service]\nReadWritePaths=/var/lib/x\nExecStart=/bin/true\n", "[Service]\nProtectSystem=strict\nReadWritePaths=/srv/data\n"),
    );
    assert.equal(explained?.cause, "226/NAMESPACE");
    assert.equal(explained?.place?.path, "/etc/systemd/system/x.service.d/1.conf");
    assert.equal(explained?.place?.range.start.line, 2);
    assert.match(explained!.message, /Failed to set up mount namespacing/);
  });

  test("a setup step whose directive the unit does not set falls back to the section header", () => {
    const explained = explainFailure(exited(217, []), files("[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\n"));
    assert.equal(explained?.cause, "217/USER");
    assert.deepEqual(explained?.place?.range, { start: { line: 3, character: 1 }, end: { line: 3, character: 8 } });
  });

  test("an exit status of the program quotes its last lines", () => {
    const explained = explainFailure(
      exited(3, [
        ...byProgram("one", "two", "three", "four"),
        ...byManager("x.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED"),
      ]),
      files("[Service]\nExecStart=/opt/app\n"),
    );
    assert.equal(explained?.cause, "exit status 3");
    assert.match(explained!.message, /status 3\/NOTIMPLEMENTED\. Its last lines: "two", "three", "four"\./);
  });

  test("automatic restarts that hit the start limit keep the last run's result; the manager's words decide", () => {
    const unit = "[Unit]\nStartLimitBurst=2\n[Service]\nExecStart=/bin/false\nRestart=on-failure\n";
    const explained = explainFailure(
      exited(
        1,
        byManager("x.service: Main process exited, code=exited, status=1/FAILURE", "x.service: Start request repeated too quickly."),
      ),
      files(unit),
    );
    assert.equal(explained?.cause, "start-limit-hit");
    assert.equal(explained?.place?.range.start.line, 4);
    assert.match(explained!.message, /more than 2 times within 10s.*Restart=on-failure.*exited with status 1\/FAILURE/);
  });

  test("a timeout is put on the setting that fired, or says the default applies", () => {
    const stop = explainFailure(
      { result: "timeout", execMainCode: 2, execMainStatus: 9, journal: byManager("x.service: State 'stop-sigterm' timed out. Killing.") },
      files("[Service]\nTimeoutStartSec=5\nTimeoutStopSec=2\nExecStart=/bin/sleep infinity\n"),
    );
    assert.equal(stop?.place?.range.start.line, 2);
    const start = explainFailure(
      { result: "timeout", execMainCode: 0, execMainStatus: 0, journal: byManager("x.service: start operation timed out. Terminating.") },
      files("[Service]\nExecStart=/bin/sleep infinity\n"),
    );
    assert.equal(start?.place?.range.start.line, 0);
    assert.match(start!.message, /TimeoutStartSec= \(not set: the manager's default applies/);
  });

  test("the journal's JSON: the manager's lines carry the run's id in INVOCATION_ID, byte arrays are text", () => {
    const lines = parseRunJournal(
      [
        JSON.stringify({ MESSAGE: "x.service: Main process exited", INVOCATION_ID: "ab" }),
        JSON.stringify({ MESSAGE: [104, 105], _SYSTEMD_INVOCATION_ID: "ab" }),
        "not json",
      ].join("\n"),
    );
    assert.deepEqual(lines, [
      { message: "x.service: Main process exited", fromManager: true },
      { message: "hi", fromManager: false },
    ]);
  });
});
