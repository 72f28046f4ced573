import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyMessage, isRunFailure, parseVerifyOutput } from "../../src/systemd/verifyOutput";
import { fixtureCases } from "./fixtureCases";
import { recordedDiagnostics, type FixtureName } from "./recorded";
import { describeDiagnostic } from "./render";

const rows = (name: FixtureName, showEnvironmentNoise = true) =>
  recordedDiagnostics(name, showEnvironmentNoise).map((d) => describeDiagnostic(d, fixtureCases[name]!.text));

describe("systemd-analyze verify output, as recorded from systemd 252", () => {
  it("puts each message on its line, narrowed to the key, value or section it is about (a missing program on the Exec*= that runs it)", () => {
    assert.deepEqual(rows("mistakes"), [
      "3 warning unknown-key «Foo» Unknown key 'Foo' in section [Unit], ignoring.",
      "6 info missing-executable «/usr/bin/unitsmith-not-installed --flag» Command /usr/bin/unitsmith-not-installed is not executable: No such file or directory (environment)",
      "7 warning bad-value «sometimes» Failed to parse service restart specifier, ignoring: sometimes",
      "8 warning unknown-key «Bogus» Unknown key 'Bogus' in section [Service], ignoring.",
      "9 warning bad-value «soon» Failed to parse TimeoutSec= parameter, ignoring: soon",
      "10 warning deprecated «MemoryLimit» Unit uses MemoryLimit=; please use MemoryMax= instead. Support for MemoryLimit= will be removed soon.",
      "11 warning bad-value «A=1 B» Invalid environment assignment, ignoring: B",
      "12 warning - «User=nobody» Special user nobody configured, this is not safe!",
      "13 warning bad-value «some\\\n  times» Failed to parse service restart specifier, ignoring: some   times",
      "15 warning unknown-section «Frob» Unknown section 'Frob'. Ignoring.",
    ]);
  });

  it("records the directive or section a narrowed diagnostic names, for merging", () => {
    const data = recordedDiagnostics("mistakes").map((d) => d.data as object);
    assert.deepEqual(data.slice(0, 3), [
      { environmentDependent: false, directive: "Foo" },
      { environmentDependent: true },
      { environmentDependent: false, directive: "Restart" },
    ]);
    assert.deepEqual(data.at(-1), { environmentDependent: false, section: "Frob" });
  });

  it("hides what depends on the editing machine when asked to", () => {
    assert.equal(rows("mistakes", false).length, rows("mistakes").length - 1);
    assert.ok(rows("mistakes", false).every((row) => !row.includes("(environment)")));
  });

  it("reports a fatal command line as an error, with the unit-level consequence on line 1", () => {
    assert.deepEqual(rows("fatal"), [
      "1 error load-failed «[Unit]» Unit configuration has fatal error, unit will not be started.",
      "2 warning unknown-key «Foo» Unknown key 'Foo' in section [Unit], ignoring.",
      "4 error bad-value «bin/true» Neither a valid executable name nor an absolute path: bin/true",
    ]);
  });

  it("reports a broken section header and the failed load as errors", () => {
    assert.deepEqual(rows("header"), [
      "1 error invalid-section-header «[Service» Invalid section header '[Service'",
      "1 error load-failed «[Service» Unit header.service failed to load properly, please adjust/correct and reload service manager: Bad message",
    ]);
  });

  it("keeps the summary 'bad unit file setting' only when nothing else explains it", () => {
    assert.deepEqual(rows("refused"), ["1 error refused «[Unit]» Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing."]);
    assert.deepEqual(rows("timer"), [
      "1 error refused «[Timer]» Timer unit lacks value setting. Refusing.",
      "2 warning bad-value «whenever» Failed to parse calendar specification, ignoring: whenever",
      "3 warning bad-value «maybe» Failed to parse boolean value, ignoring: maybe",
    ]);
  });

  it("says an empty unit file is masked", () => {
    assert.deepEqual(rows("empty"), ["1 error masked «» Unit empty.service is masked."]);
  });

  it("reports an assignment before the first section", () => {
    assert.deepEqual(rows("outside"), ["1 warning outside-section «Description» Assignment outside of section. Ignoring."]);
  });

  it("counts a socket's missing service as environment noise", () => {
    assert.deepEqual(rows("socket"), [
      "1 info missing-unit «[Socket]» service listener.service not loaded, socket cannot be started. (environment)",
    ]);
  });

  it("maps a template verified as an instance back to the template's lines and name", () => {
    assert.deepEqual(rows("template"), [
      "1 info missing-executable «[Unit]» Command /usr/bin/unitsmith-worker-instance is not executable: No such file or directory (environment)",
      "5 warning unknown-key «Foo» Unknown key 'Foo' in section [Service], ignoring.",
    ]);
  });

  it("gives a drop-in its own lines, and the parent's messages on line 1 with the parent's path", () => {
    assert.deepEqual(rows("dropIn"), [
      "1 warning unknown-key «[Service]» /etc/systemd/system/app.service:3: Unknown key 'ParentTypo' in section [Service], ignoring.",
      "1 error refused «[Service]» Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.",
      "2 warning unknown-key «Nope» Unknown key 'Nope' in section [Service], ignoring.",
    ]);
  });

  it("keeps a drop-in's own problems and commands when it was checked next to a stand-in", () => {
    assert.deepEqual(rows("dropInAlone"), [
      "2 warning bad-value «sometimes» Failed to parse service restart specifier, ignoring: sometimes",
      "3 warning unknown-key «Nope» Unknown key 'Nope' in section [Service], ignoring.",
      "4 info missing-executable «/usr/bin/unitsmith-not-installed» Command /usr/bin/unitsmith-not-installed is not executable: No such file or directory (environment)",
    ]);
  });

  it("shows a user unit's %t as $XDG_RUNTIME_DIR, not as the staging directory", () => {
    assert.deepEqual(rows("user"), [
      "1 info missing-executable «[Service]» Command $XDG_RUNTIME_DIR/unitsmith-not-installed is not executable: No such file or directory (environment)",
      "3 warning unknown-key «Foo» Unknown key 'Foo' in section [Service], ignoring.",
    ]);
  });
});

describe("parseVerifyOutput", () => {
  const staged = "/tmp/stage:1/units/a.service";

  it("matches the staged path literally, even with a colon in it, and accepts a column", () => {
    assert.deepEqual(parseVerifyOutput(`${staged}:3: Unknown section 'X'. Ignoring.\r\n${staged}:4:7: Bad\n`, [staged], ["a.service"]), [
      { file: staged, line: 3, text: "Unknown section 'X'. Ignoring." },
      { file: staged, line: 4, text: "Bad" },
    ]);
  });

  it("keeps other files' locations, strips the unit prefix of staged units and leaves the rest alone", () => {
    assert.deepEqual(
      parseVerifyOutput(
        "/etc/x.conf:2: Oops\na.service: Refusing.\nb.service: Other\n\nUnit a.service is masked.\n",
        [staged],
        ["a.service"],
      ),
      [
        { file: "/etc/x.conf", line: 2, text: "Oops" },
        { unit: "a.service", text: "Refusing." },
        { text: "b.service: Other" },
        { text: "Unit a.service is masked." },
      ],
    );
  });

  it("recognises the older wording of unknown keys", () => {
    assert.deepEqual(classifyMessage("Unknown key name 'Foo' in section 'Service', ignoring."), {
      code: "unknown-key",
      severity: "warning",
      environmentDependent: false,
      directive: "Foo",
      section: "Service",
    });
  });

  it("tells a manager that could not start from a problem in the unit", () => {
    assert.ok(isRunFailure({ text: "Failed to lookup RuntimeDirectory path: No such device or address" }));
    assert.ok(isRunFailure({ text: "Failed to initialize manager: No such device or address" }));
    assert.ok(!isRunFailure({ text: "Failed to prepare filename /x/a b.service: Invalid argument" }));
  });
});
