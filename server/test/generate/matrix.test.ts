import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseNewArgs } from "../../src/cli/newOptions";
import { generateUnits, type GeneratedFile } from "../../src/language/generate";
import { parseExecLine } from "../../src/language/values/execLine";
import { documentOf, testService } from "../service";
import { combinations, type Combination } from "./matrix";

const programs: Record<string, string> = { sleep: "/usr/bin/sleep", true: "/usr/bin/true", echo: "/usr/bin/echo" };

function generate(combination: Combination): GeneratedFile[] {
  const parsed = parseNewArgs(combination.args);
  assert.ok(!parsed.help);
  const result = generateUnits(parsed.options, (name) => programs[name]);
  assert.ok(result.ok, `${combination.args.join(" ")}\n${result.ok ? "" : result.errors.join("\n")}`);
  return result.files;
}

const unitDirectory = { system: "/etc/systemd/system", user: "/home/alice/.config/systemd/user" };

describe("generated units, over combinations of every option", () => {
  const list = combinations();

  it("covers every type, trigger, scope and hardening level", () => {
    const all = list.flatMap((c) => c.args).join(" ");
    for (const option of ["--type simple", "--type exec", "--type oneshot", "--type forking", "--notify", "--every", "--socket"]) {
      assert.ok(all.includes(option), option);
    }
    for (const option of ["--template", "--harden basic", "--harden strict", "--scope user", "--scope system", "--timeout", "--watchdog"]) {
      assert.ok(all.includes(option), option);
    }
    assert.ok(list.length >= 100 && list.length <= 300, `${list.length} combinations`);
  });

  it("have no diagnostics from Unitsmith's own rules and are already formatted", async () => {
    const service = testService();
    for (const combination of list) {
      for (const file of generate(combination)) {
        const document = documentOf(`${unitDirectory[combination.scope]}/${file.name}`, file.text);
        assert.deepEqual(await service.diagnostics(document), [], `${file.name} from ${combination.args.join(" ")}\n${file.text}`);
        assert.equal(service.formattedText(document), file.text, file.name);
      }
    }
  });

  it("run a single command line that systemd reads without problems", () => {
    for (const combination of list) {
      const service = generate(combination)[0]!;
      const lines = service.text.split("\n").filter((line) => line.startsWith("ExecStart="));
      assert.equal(lines.length, 1, service.name);
      const exec = parseExecLine(lines[0]!.slice("ExecStart=".length));
      assert.deepEqual(exec.problems, [], lines[0]);
      assert.equal(exec.commands.length, 1, lines[0]);
      assert.match(exec.commands[0]!.executable.text, /^\//);
    }
  });

  it("give the same files for the same options", () => {
    for (const combination of list.slice(0, 10)) assert.deepEqual(generate(combination), generate(combination));
  });
});
