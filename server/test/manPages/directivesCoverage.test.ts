// Every directive systemd.directives(7) lists for unit and network files, on every installed page it
// names, resolves to documentation from that page.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { listedDirectives } from "../../src/language/roff";
import { createManPageLibrary } from "../../src/systemd/manPages";
import { roffLeftover } from "../roff/roffLeftovers";

const skip = existsSync("/usr/share/man/man7/systemd.directives.7.gz") ? false : "systemd.directives(7) is not installed";

describe("coverage of systemd.directives(7)", { skip }, () => {
  for (const heading of ["UNIT DIRECTIVES", "NETWORK DIRECTIVES"]) {
    it(`documents every ${heading.toLowerCase()} entry whose page is installed`, async (t) => {
      const library = createManPageLibrary({ manPath: ["/usr/share/man"] });
      const index = await library.page("systemd.directives(7)");
      assert.ok(index);
      const listed = listedDirectives(index.document).filter((d) => d.heading === heading);
      assert.ok(listed.length > 100, `${listed.length} directives listed`);
      const missing: string[] = [];
      const notInstalled = new Set<string>();
      let checked = 0;
      for (const { name, pages } of listed) {
        for (const page of pages) {
          const reference = `${page.name}(${page.section})`;
          if (!(await library.page(reference))) {
            notInstalled.add(reference);
            continue;
          }
          checked++;
          const doc = await library.directiveDoc(name, { page: reference });
          if (doc?.page !== page.name || !doc.markdown.trim() || roffLeftover(doc.markdown)) missing.push(`${name}= in ${reference}`);
        }
      }
      const coverage = (100 * (checked - missing.length)) / checked;
      t.diagnostic(
        `${listed.length} directives, ${checked} (directive, page) pairs on installed pages: ${coverage.toFixed(1)}% documented`,
      );
      if (notInstalled.size) t.diagnostic(`pages not installed: ${[...notInstalled].join(", ")}`);
      assert.deepEqual(missing, []);
    });
  }
});
