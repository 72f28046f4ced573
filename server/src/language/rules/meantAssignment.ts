import type { FileSchema } from "../schema/fileSchema";

/**
 * The assignment a line without "=" most likely meant, when its first word is a directive of the
 * section it is in: `Restart on-failure` or `Restart: on-failure` → `Restart=on-failure`.
 */
export function meantAssignment(content: string, section: string | undefined, schema: FileSchema | undefined): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9]*)(?:\s*:\s*|\s+)(\S.*)$/.exec(content);
  if (!match || section === undefined || !schema) return undefined;
  const [, name = "", value = ""] = match;
  return schema.directive(section, name) ? `${name}=${value}` : undefined;
}
