// Deterministic, diff-friendly JSON: objects one key a line, arrays of objects one element a
// line (each element on a single line), arrays of plain values on one line.

export function formatJson(value: unknown, indent = ""): string {
  if (Array.isArray(value)) {
    if (!value.some((v) => typeof v === "object" && v !== null)) return JSON.stringify(value);
    if (value.length === 0) return "[]";
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + JSON.stringify(v)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`);
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
