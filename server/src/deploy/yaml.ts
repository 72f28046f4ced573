/** A value a playbook holds: text, a flag, a list or a mapping. */
export type YamlValue = string | boolean | number | YamlValue[] | { [key: string]: YamlValue };

const scalar = (value: string | boolean | number) => (typeof value === "string" ? JSON.stringify(value) : String(value));

/** Block-style YAML, every string double-quoted (a JSON string is a YAML double-quoted scalar). */
export function toYaml(value: YamlValue, indent = ""): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}[]\n`;
    return value
      .map((item) => {
        if (typeof item !== "object") return `${indent}- ${scalar(item)}\n`;
        const inner = toYaml(item, `${indent}  `);
        return `${indent}- ${inner.slice(indent.length + 2)}`;
      })
      .join("");
  }
  if (typeof value !== "object") return `${indent}${scalar(value)}\n`;
  return Object.entries(value)
    .map(([key, item]) => {
      if (typeof item !== "object") return `${indent}${key}: ${scalar(item)}\n`;
      if (Array.isArray(item) && item.length === 0) return `${indent}${key}: []\n`;
      return `${indent}${key}:\n${toYaml(item, `${indent}  `)}`;
    })
    .join("");
}
