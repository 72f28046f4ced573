// groff special character names (`\(xx`, `\[name]`) and predefined strings (`\*(xx`) that man pages use.

const characters: Record<string, string> = {
  em: "\u2014",
  en: "\u2013",
  hy: "-",
  mi: "-",
  lq: "\u201c",
  rq: "\u201d",
  oq: "\u2018",
  cq: "\u2019",
  aq: "'",
  dq: '"',
  bu: "\u2022",
  ci: "\u25cb",
  sq: "\u25a1",
  co: "\u00a9",
  rg: "\u00ae",
  tm: "\u2122",
  de: "\u00b0",
  mu: "\u00d7",
  di: "\u00f7",
  "+-": "\u00b1",
  pl: "+",
  eq: "=",
  ">=": "\u2265",
  "<=": "\u2264",
  "!=": "\u2260",
  "->": "\u2192",
  "<-": "\u2190",
  "<>": "\u2194",
  rA: "\u21d2",
  lA: "\u21d0",
  Fo: "\u00ab",
  Fc: "\u00bb",
  fo: "\u2039",
  fc: "\u203a",
  sc: "\u00a7",
  ps: "\u00b6",
  dg: "\u2020",
  dd: "\u2021",
  ha: "^",
  ti: "~",
  ga: "`",
  ba: "|",
  br: "\u2502",
  rs: "\\",
  sl: "/",
  at: "@",
  sh: "#",
  Do: "$",
  ct: "\u00a2",
  Eu: "\u20ac",
  eu: "\u20ac",
  Po: "\u00a3",
  Ye: "\u00a5",
  ss: "\u00df",
  ae: "\u00e6",
  AE: "\u00c6",
  oe: "\u0153",
  OE: "\u0152",
  "'e": "\u00e9",
  "'a": "\u00e1",
  "`e": "\u00e8",
  ":a": "\u00e4",
  ":o": "\u00f6",
  ":u": "\u00fc",
  ":A": "\u00c4",
  ":O": "\u00d6",
  ":U": "\u00dc",
  "~n": "\u00f1",
  ",c": "\u00e7",
  ff: "ff",
  fi: "fi",
  fl: "fl",
  Fi: "ffi",
  Fl: "ffl",
  ul: "_",
  ru: "_",
  OK: "\u2713",
  lh: "\u261c",
  rh: "\u261e",
};

/** The character a special character name stands for, or undefined when it is unknown. */
export function specialCharacter(name: string): string | undefined {
  if (Object.hasOwn(characters, name)) return characters[name];
  const unicode = /^u([0-9A-Fa-f]{4,6})(?:_|$)/.exec(name);
  if (unicode) {
    const code = parseInt(unicode[1]!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  const numbered = /^char(\d{1,3})$/.exec(name);
  return numbered ? String.fromCharCode(Number(numbered[1])) : undefined;
}

/** Strings the man macros predefine; a page's own `.ds` requests add to and override these. */
export function predefinedStrings(): Map<string, string> {
  return new Map([
    ["Aq", "'"],
    ["lq", "\u201c"],
    ["rq", "\u201d"],
    ["R", "\u00ae"],
    ["Tm", "\u2122"],
  ]);
}
