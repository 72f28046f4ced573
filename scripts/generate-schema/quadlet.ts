// Podman Quadlet's file types and keys, read from pkg/systemd/quadlet: the SupportedExtensions
// map (quadlet_common.go), the `XxxGroup = "Name"` and `KeyXxx = "Name"` constants and the
// SupportedKeys maps of groupsInfo plus supportedQuadletKeys (quadlet.go).
import type { QuadletFileType } from "../../server/src/language/schema/generated/types";

/** Sections a Quadlet file may carry besides its own; systemd's are copied into the service. */
const PASSED_THROUGH = ["Unit", "Service", "Install"];

function constants(go: string, pattern: RegExp): Map<string, string> {
  return new Map([...go.matchAll(pattern)].map((m) => [m[1]!, m[2]!]));
}

function keysOf(body: string, keyNames: Map<string, string>, where: string): string[] {
  return [...body.matchAll(/\b(Key\w+)\s*:\s*true/g)].map((m) => {
    const key = keyNames.get(m[1]!);
    if (!key) throw new Error(`quadlet: ${m[1]} in ${where} has no string constant`);
    return key;
  });
}

export function readQuadlet(quadletGo: string, commonGo: string): QuadletFileType[] {
  const groups = constants(quadletGo, /^\s*(\w+Group)\s*=\s*"([A-Za-z-]+)"/gm);
  const keyNames = constants(quadletGo, /^\s*(Key\w+)\s*=\s*"([A-Za-z0-9]+)"/gm);
  const extensions = [...commonGo.matchAll(/"\.([a-z]+)"\s*:/g)].map((m) => m[1]!);

  const supported = new Map<string, string[]>();
  const groupsInfo = /groupsInfo\s*=\s*map\[string\]GroupInfo\{([\s\S]*?)\n\t\}\n/.exec(quadletGo)?.[1];
  if (!groupsInfo) throw new Error("quadlet: groupsInfo map not found");
  for (const m of groupsInfo.matchAll(/(\w+Group):\s*\{([\s\S]*?)SupportedKeys:\s*map\[string\]bool\{([\s\S]*?)\}/g)) {
    const section = groups.get(m[1]!);
    if (!section) throw new Error(`quadlet: unknown group constant ${m[1]}`);
    supported.set(section, keysOf(m[3]!, keyNames, section));
  }
  const quadletKeys = /supportedQuadletKeys\s*=\s*map\[string\]bool\{([\s\S]*?)\}/.exec(quadletGo)?.[1];
  const quadletSection = groups.get("QuadletGroup");
  const otherSections = [...(quadletKeys && quadletSection ? [quadletSection] : []), ...PASSED_THROUGH];

  return extensions.sort().map((extension) => {
    const section = extension[0]!.toUpperCase() + extension.slice(1);
    const keys = supported.get(section);
    if (!keys) throw new Error(`quadlet: no SupportedKeys for .${extension} ([${section}])`);
    return { extension, section, keys: [...new Set(keys)].sort(), otherSections };
  });
}

/** Keys of the [Quadlet] section shared by every file type. */
export function readQuadletSectionKeys(quadletGo: string): string[] {
  const keyNames = constants(quadletGo, /^\s*(Key\w+)\s*=\s*"([A-Za-z0-9]+)"/gm);
  const body = /supportedQuadletKeys\s*=\s*map\[string\]bool\{([\s\S]*?)\}/.exec(quadletGo)?.[1] ?? "";
  return keysOf(body, keyNames, "Quadlet").sort();
}
