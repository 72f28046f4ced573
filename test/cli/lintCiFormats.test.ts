import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { unitsmith } from "./run";

/** xmllint (libxml2) as the consumer: the report must parse, and the XPath expression is evaluated on it. */
const xpath = (xml: string, expression: string) =>
  execFileSync("xmllint", ["--nonet", "--xpath", expression, "-"], { input: xml, timeout: 30_000 }).toString().trim();

describe("unitsmith lint for CI: github, checkstyle and junit formats, --baseline and --max-warnings", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-ci-"));
    // A message with the characters each format must escape: a quote, <, &, a comma and a colon.
    writeFileSync(join(dir, "a,b.service"), '[Service]\nExecStart=/bin/true\nExecStrat=/bin/"x" <&>\nRestart=always\nRestart=no\n');
    writeFileSync(join(dir, "clean.service"), "[Service]\nExecStart=/bin/true\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("github: one workflow command per finding, properties and message escaped as the runner reads them", async () => {
    const { stdout, code } = await unitsmith(["lint", "--format", "github", "."], dir);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split("\n");
    assert.equal(lines.length, 2);
    const [error, warning] = lines.map((line) => /^::(\w+) ([^:]*)::(.*)$/.exec(line)!);
    assert.equal(error![1], "error");
    assert.equal(error![2], "file=a%2Cb.service,line=3,col=1,endLine=3,endColumn=10,title=unknown-directive");
    assert.match(error![3]!, /^Unknown directive ExecStrat= in \[Service\]/);
    assert.equal(warning![1], "warning");
  });

  it("checkstyle: XML that xmllint reads, a file element per file and an error per finding", async () => {
    const { stdout } = await unitsmith(["lint", "--format", "checkstyle", "."], dir);
    assert.equal(xpath(stdout, "count(/checkstyle/file)"), "2");
    assert.equal(xpath(stdout, 'string(/checkstyle/file[@name="a,b.service"]/error[1]/@source)'), "unitsmith.unknown-directive");
    assert.equal(xpath(stdout, 'string(/checkstyle/file[@name="a,b.service"]/error[2]/@severity)'), "warning");
    assert.equal(xpath(stdout, 'count(/checkstyle/file[@name="clean.service"]/error)'), "0");
  });

  it("junit: XML that xmllint reads, a failing case per finding and a passing case per clean file", async () => {
    const { stdout } = await unitsmith(["lint", "--format", "junit", "."], dir);
    assert.equal(xpath(stdout, "string(/testsuites/@failures)"), "2");
    assert.equal(xpath(stdout, "string(/testsuites/@tests)"), "3");
    assert.equal(xpath(stdout, 'count(/testsuites/testsuite[@name="a,b.service"]/testcase/failure)'), "2");
    assert.equal(xpath(stdout, 'count(/testsuites/testsuite[@name="clean.service"]/testcase[not(failure)])'), "1");
    assert.equal(xpath(stdout, 'string(//failure[@type="error"]/@message)').startsWith("Unknown directive ExecStrat="), true);
  });

  it("--baseline records today's findings once, then reports only new ones", async () => {
    const baseline = join(dir, "baseline.json");
    const first = await unitsmith(["lint", "--baseline", baseline, "."], dir);
    assert.deepEqual([first.code, first.stdout], [0, ""]);
    assert.match(first.stderr, /recorded 2 findings as the baseline/);
    assert.equal(JSON.parse(readFileSync(baseline, "utf8")).findings.length, 2);
    // A line added above moves the old findings; only the new one is reported.
    writeFileSync(join(dir, "clean.service"), "[Service]\nExecStart=/bin/true\nUser=nobody\nUser=root\n");
    const second = await unitsmith(["lint", "--baseline", baseline, "."], dir);
    assert.deepEqual(second.stdout.trim().split("\n").length, 1);
    assert.match(second.stdout, /^clean\.service:3:1: warning: .*\[duplicate-directive\]/);
    writeFileSync(baseline, "{}");
    const broken = await unitsmith(["lint", "--baseline", baseline, "."], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /not a baseline file of unitsmith lint/);
    writeFileSync(join(dir, "clean.service"), "[Service]\nExecStart=/bin/true\n");
  });

  it("--max-warnings N fails only above N warnings", async () => {
    writeFileSync(join(dir, "warn.service"), "[Service]\nExecStart=/bin/true\nRestart=always\nRestart=no\n");
    assert.equal((await unitsmith(["lint", "--max-warnings", "1", "warn.service"], dir)).code, 0);
    assert.equal((await unitsmith(["lint", "--max-warnings", "0", "warn.service"], dir)).code, 1);
    assert.equal((await unitsmith(["lint", "--max-warnings", "many", "warn.service"], dir)).code, 2);
  });
});
