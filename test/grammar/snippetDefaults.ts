// Expands a VS Code snippet body the way accepting every default would: each placeholder
// becomes its default text, each choice its first option, and a bare tab stop repeats the
// default of the placeholder with the same number. Variables and transforms are rejected,
// because other editors reading the same file may not support them.

type Node = string | { index: number; body?: Node[]; choice?: string };

export function expandToDefaults(body: string): string {
  const nodes = parse(body);
  const defaults = new Map<number, Node[]>();
  collectDefaults(nodes, defaults);
  const render = (list: Node[]): string =>
    list
      .map((n) => {
        if (typeof n === "string") return n;
        if (n.choice !== undefined) return n.choice;
        return render(n.body ?? defaults.get(n.index) ?? []);
      })
      .join("");
  return render(nodes);
}

function collectDefaults(nodes: Node[], into: Map<number, Node[]>): void {
  for (const n of nodes) {
    if (typeof n === "string") continue;
    const body = n.body ?? (n.choice !== undefined ? [n.choice] : undefined);
    if (body && !into.has(n.index)) into.set(n.index, body);
    if (n.body) collectDefaults(n.body, into);
  }
}

function parse(text: string): Node[] {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${pos} in snippet: ${JSON.stringify(text)}`);
  };
  const readInt = (): number => {
    const digits = /^\d+/.exec(text.slice(pos))?.[0] ?? fail("expected a tab stop number");
    pos += digits.length;
    return Number(digits);
  };
  // Reads up to the end of the text, or inside a placeholder up to its closing brace.
  const readNodes = (insidePlaceholder: boolean): Node[] => {
    const nodes: Node[] = [];
    let plain = "";
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === "\\" && "$}\\".includes(text[pos + 1] ?? "")) {
        plain += text[pos + 1];
        pos += 2;
      } else if (ch === "}" && insidePlaceholder) {
        break;
      } else if (ch === "$") {
        if (plain) nodes.push(plain);
        plain = "";
        pos++;
        nodes.push(readTabStop());
      } else {
        plain += ch;
        pos++;
      }
    }
    if (plain) nodes.push(plain);
    return nodes;
  };
  const readTabStop = (): Node => {
    if (text[pos] !== "{") return { index: readInt() };
    pos++;
    const index = readInt();
    const kind = text[pos++];
    if (kind === "}") return { index };
    if (kind === ":") {
      const body = readNodes(true);
      if (text[pos++] !== "}") fail("unclosed placeholder");
      return { index, body };
    }
    if (kind === "|") {
      const end = text.indexOf("|}", pos);
      if (end < 0) fail("unclosed choice");
      const choice = text.slice(pos, end).split(",")[0];
      pos = end + 2;
      return { index, choice };
    }
    return fail("unsupported snippet syntax");
  };
  return readNodes(false);
}
