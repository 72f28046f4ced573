import { fileSchemaFor } from "../../server/src/language/schema/fileSchema";
import { unitKind } from "../../server/src/language/unitKind";
import { exampleValue } from "../hostile/exampleValues";

export const BENCH_PATH = "/etc/systemd/system/bench.service";

/**
 * A service unit of about `lines` lines that reads like a real one: the three sections, comments,
 * known directives with plausible values, a continued ExecStart now and then. Deterministic.
 */
export function realisticUnit(lines: number): string {
  const schema = fileSchemaFor(unitKind(BENCH_PATH))!;
  const out: string[] = [];
  const sections = ["Unit", "Service", "Install"];
  const share = [0.2, 0.7, 0.1];
  sections.forEach((section, s) => {
    out.push(`[${section}]`);
    const directives = schema.directives(section).filter((d) => !d.status);
    const count = Math.round(lines * share[s]!);
    for (let i = 0; i < count; i++) {
      const info = directives[(i * 7) % directives.length]!;
      if (i % 10 === 0) out.push(`# ${info.name}: why this is set`);
      else if (section === "Service" && i % 25 === 1) out.push("ExecStartPre=/usr/bin/install -d \\", "    /var/lib/bench");
      else out.push(`${info.name}=${exampleValue(info.value, i)}`);
    }
    out.push("");
  });
  return out.join("\n");
}
