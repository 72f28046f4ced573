// The man page roots to search, as man-db reads $MANPATH: an empty component stands for the defaults.
import { delimiter } from "node:path";

export const defaultManRoots = ["/usr/local/share/man", "/usr/share/man"];

export function manRoots(manPathVariable: string | undefined = process.env.MANPATH): string[] {
  if (!manPathVariable) return [...defaultManRoots];
  const roots = manPathVariable.split(delimiter).flatMap((part) => (part ? [part] : defaultManRoots));
  return [...new Set(roots)];
}
