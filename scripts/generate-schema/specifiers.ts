// The %-specifiers of unit files: the letters the Specifier tables in src/core/unit-printf.c
// resolve (with the COMMON_*_SPECIFIERS macros of src/shared/specifier.h expanded), the subset
// src/shared/install-printf.c resolves for [Install], and the rows of systemd.unit(5)'s table.
import type { Specifier } from "../../server/src/language/schema/generated/types";

function macroLetters(specifierH: string): Map<string, string[]> {
  const macros = new Map<string, string[]>();
  for (const m of specifierH.matchAll(/#define\s+(COMMON_\w+_SPECIFIERS)(?:\([^)]*\))?((?:[^\n]*\\\n)*[^\n]*)/g)) {
    macros.set(
      m[1]!,
      [...m[2]!.matchAll(/\{\s*'(.)'/g)].map((l) => l[1]!),
    );
  }
  return macros;
}

interface TableLetter {
  letter: string;
  deprecated: boolean;
}

function tableLetters(source: string, macros: Map<string, string[]>): TableLetter[] {
  const letters: TableLetter[] = [];
  for (const table of source.matchAll(/const Specifier table\[\]\s*=\s*\{([\s\S]*?)\n\s*\};/g)) {
    for (const line of table[1]!.split("\n")) {
      const entry = /\{\s*'(.)'/.exec(line);
      if (entry) letters.push({ letter: entry[1]!, deprecated: /deprecated/i.test(line) });
      for (const [name, expanded] of macros) {
        if (new RegExp(`\\b${name}\\b`).test(line)) {
          letters.push(...expanded.map((letter) => ({ letter, deprecated: false })));
        }
      }
    }
  }
  return letters;
}

function versionMarker(xml: string): number | undefined {
  const m = /href="version-info.xml"\s+xpointer="v(\d+)"/.exec(xml);
  return m ? Number(m[1]) : undefined;
}

/** Letters in systemd.unit(5)'s specifier table, with a version when a row carries one. */
function manPageLetters(unitXml: string, standardSpecifiersXml: string): Map<string, number | undefined> {
  const table = /<table class='specifiers'>([\s\S]*?)<\/table>/.exec(unitXml)?.[1] ?? "";
  const shared = new Map<string, string>();
  for (const row of standardSpecifiersXml.matchAll(/<row id='([^']+)'>([\s\S]*?)<\/row>/g)) {
    shared.set(row[1]!, row[2]!);
  }
  const letters = new Map<string, number | undefined>();
  for (const item of table.matchAll(/<row>([\s\S]*?)<\/row>|<xi:include href="standard-specifiers.xml" xpointer="([^"]+)"\/>/g)) {
    const row = item[1] ?? shared.get(item[2]!) ?? "";
    const letter = /<literal>%(.)<\/literal>/.exec(row)?.[1];
    if (letter) letters.set(letter, versionMarker(row));
  }
  return letters;
}

export interface SpecifierSources {
  unitPrintfC: string;
  installPrintfC: string;
  specifierH: string;
  unitManXml: string;
  standardSpecifiersXml: string;
}

export function readSpecifiers(sources: SpecifierSources): Specifier[] {
  const macros = macroLetters(sources.specifierH);
  const inUnits = tableLetters(sources.unitPrintfC, macros);
  const inInstall = new Set(tableLetters(sources.installPrintfC, macros).map((l) => l.letter));
  const documented = manPageLetters(sources.unitManXml, sources.standardSpecifiersXml);
  const letters = new Set([...inUnits.map((l) => l.letter), ...documented.keys(), "%"]);
  const deprecated = new Set(inUnits.filter((l) => l.deprecated).map((l) => l.letter));
  inInstall.add("%");

  return [...letters].sort(compareLetters).map((letter) => {
    const since = documented.get(letter);
    return {
      letter,
      ...(inInstall.has(letter) ? { install: true as const } : {}),
      ...(deprecated.has(letter) ? { deprecated: true as const } : {}),
      ...(since !== undefined ? { since } : {}),
    };
  });
}

/** a A b B ... z Z, then "%". */
function compareLetters(a: string, b: string): number {
  const key = (l: string) => (l === "%" ? "~" : `${l.toLowerCase()}${l === l.toLowerCase() ? 0 : 1}`);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** The bodies of the config_parse_*() functions a C file defines, by name. */
function parserBodies(source: string): Map<string, string> {
  const bodies = new Map<string, string>();
  const starts = [...source.matchAll(/^int (config_parse_\w+)\(/gm)];
  for (const m of starts) {
    const end = source.indexOf("\n}\n", m.index);
    bodies.set(m[1]!, source.slice(m.index, end < 0 ? undefined : end));
  }
  return bodies;
}

/**
 * Parsers in src/core/load-fragment.c that expand specifiers: those that call one of the
 * unit_*_printf() functions, and those that hand the value to such a parser.
 */
export function readExpandingParsers(loadFragmentC: string): Set<string> {
  const bodies = parserBodies(loadFragmentC);
  const expanding = new Set([...bodies].filter(([, body]) => /\bunit_(full|path|name|env)_printf(_full)?\(/.test(body)).map(([n]) => n));
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, body] of bodies) {
      if (expanding.has(name)) continue;
      const calls = [...body.matchAll(/\b(config_parse_\w+)\(/g)].map((c) => c[1]!).filter((c) => c !== name);
      if (calls.some((c) => expanding.has(c))) grew = expanding.add(name).size > 0;
    }
  }
  return expanding;
}
