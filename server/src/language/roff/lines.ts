// Turns roff source into the logical lines a formatter acts on: continuation lines joined, comments,
// macro definitions and false conditional branches dropped, strings (`.ds`) recorded. Conditions are
// evaluated as nroff (a terminal) would: `n` is true, `t` false, and groff's `\n(.g` is set.
import { endsStep, type Steps } from "./steps";

/** `.name args` of a control line, or undefined for a text line. */
export function splitRequest(line: string): { name: string; args: string } | undefined {
  if (line[0] !== "." && line[0] !== "'") return undefined;
  const match = /^[.'][ \t]*(\S*)[ \t]*(.*)$/s.exec(line);
  return match ? { name: match[1]!, args: match[2]! } : undefined;
}

/** Splits macro arguments on spaces, honouring double quotes ("" inside quotes is a quote) and `\ `. */
export function splitArguments(args: string): string[] {
  const result: string[] = [];
  let i = 0;
  while (i < args.length) {
    while (args[i] === " " || args[i] === "\t") i++;
    if (i >= args.length) break;
    let arg = "";
    if (args[i] === '"') {
      i++;
      while (i < args.length) {
        if (args[i] === '"' && args[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else if (args[i] === '"') {
          i++;
          break;
        } else {
          arg += args[i++];
        }
      }
    } else {
      while (i < args.length && args[i] !== " " && args[i] !== "\t") {
        if (args[i] === "\\" && i + 1 < args.length) arg += args[i++];
        arg += args[i++];
      }
    }
    result.push(arg);
  }
  return result;
}

/** Cuts a `\"` comment off a line, leaving escaped backslashes alone. */
export function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== "\\") continue;
    if (line[i + 1] === '"') return line.slice(0, i);
    i++;
  }
  return line;
}

function countBraces(text: string): number {
  return (text.match(/\\\{/g)?.length ?? 0) - (text.match(/\\\}/g)?.length ?? 0);
}

function endsWithEscapedNewline(line: string): boolean {
  if (!line.endsWith("\\")) return false;
  const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

/** Evaluates an `.if`/`.ie` condition; returns its value and the rest of the line. */
function condition(args: string, strings: Map<string, string>): { value: boolean; body: string } {
  let rest = args.trimStart();
  const negated = rest.startsWith("!");
  if (negated) rest = rest.slice(1);
  let value: boolean;
  const delimiter = rest[0];
  if (delimiter !== undefined && /['"|/]/.test(delimiter)) {
    const parts = rest.split(delimiter);
    value = parts[1] === parts[2];
    rest = parts.slice(3).join(delimiter);
  } else {
    const token = /^\S*/.exec(rest)?.[0] ?? "";
    rest = rest.slice(token.length).trimStart();
    if (token === "d" || token === "r" || token === "m" || token === "c" || token === "F" || token === "S") {
      const name = /^\S*/.exec(rest)?.[0] ?? "";
      rest = rest.slice(name.length).trimStart();
      value = token === "d" && strings.has(name);
    } else {
      value = token === "n" || token === "o" || /^\\n(\(\.g|\[\.g\])$/.test(token) || /^-?\d*[1-9]\d*$/.test(token);
    }
  }
  return { value: negated ? !value : value, body: rest };
}

/** The logical lines of `source`; `strings` collects the page's `.ds` definitions as they are met. */
export function* logicalLines(source: string, strings: Map<string, string>): Steps<string[]> {
  const raw = source.split(/\r?\n/);
  const out: string[] = [];
  let next = 0;
  let lastCondition = true;

  const readLine = (): string | undefined => {
    let line = raw[next];
    if (line === undefined) return undefined;
    next++;
    while (endsWithEscapedNewline(line) && next < raw.length) line = line.slice(0, -1) + raw[next++];
    return endsWithEscapedNewline(line) ? line.slice(0, -1) : line;
  };

  const skipBlock = (depth: number) => {
    while (depth > 0) {
      const line = readLine();
      if (line === undefined) return;
      depth += countBraces(line);
    }
  };

  const skipUntil = (end: string) => {
    for (let line = readLine(); line !== undefined; line = readLine()) {
      if (line.trim() === end) return;
    }
  };

  const branch = (value: boolean, body: string) => {
    if (!value) {
      skipBlock(countBraces(body));
      return;
    }
    const content = body.replace(/^\\\{/, "").replace(/\\\}/g, "");
    if (content.trim()) handle(content);
  };

  const handle = (line: string) => {
    const request = splitRequest(line);
    if (!request) {
      if (line.startsWith('\\"') || line === "\\}") return;
      out.push(line);
      return;
    }
    const { name } = request;
    if (name === "" || name.startsWith('\\"') || name === "\\}") return;
    const args = stripComment(request.args);
    switch (name) {
      case "if":
      case "ie": {
        const { value, body } = condition(args, strings);
        if (name === "ie") lastCondition = value;
        branch(value, body);
        return;
      }
      case "el":
        branch(!lastCondition, args.trimStart());
        return;
      case "ds":
      case "as": {
        const match = /^(\S+)\s?"?(.*)$/s.exec(args);
        if (match) {
          const key = match[1]!;
          strings.set(key, (name === "as" ? (strings.get(key) ?? "") : "") + match[2]);
        }
        return;
      }
      case "de":
      case "am":
      case "ig": {
        const end = splitArguments(args)[name === "ig" ? 0 : 1];
        skipUntil(end ? `.${end}` : "..");
        return;
      }
      default:
        out.push(`.${name}${args ? " " + args : ""}`);
    }
  };

  let count = 0;
  for (let line = readLine(); line !== undefined; line = readLine()) {
    handle(line);
    if (endsStep(++count)) yield;
  }
  return out;
}
