// Reads the allowed words of enum-valued settings from systemd's C sources: the string tables
// (`static const char* const foo_table[] = { [FOO_A] = "a", ... }`), the lookup macros that say
// whether booleans are accepted too, the DEFINE_CONFIG_PARSE_ENUM* parser definitions, and for
// hand-written parsers the literal words and "prefix:" forms they test rvalue against.

export interface SourceFile {
  path: string;
  text: string;
}

export interface EnumValues {
  values: string[];
  acceptsBoolean?: true;
  prefixes?: string[];
  /** The parser takes several words (DEFINE_CONFIG_PARSE_ENUMV). */
  list?: true;
}

interface Lookup {
  table: string[];
  acceptsBoolean: boolean;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, " ");
}

const TABLE = /const\s+char\s*\*\s*const\s+(\w+)_table\s*\[[^\]]*\]\s*=\s*\{([\s\S]*?)\};/g;
const LOOKUP = /\bDEFINE_(?:PRIVATE_)?STRING_TABLE_LOOKUP(\w*)\(\s*(\w+)\s*,/g;
const ENUM_PARSER = /\bDEFINE_CONFIG_PARSE_ENUM(|_WITH_DEFAULT|_FULL|V)\(\s*(config_parse_\w+)\s*,\s*(\w+)\s*,/g;
const FROM_STRING = /\b(\w+?)_from_string(?:_\w+)?\s*\(\s*rvalue\s*\)/g;

export class EnumTables {
  private readonly lookups = new Map<string, Lookup>();
  private readonly enumParsers = new Map<string, { lookup: string; list: boolean }>();
  private readonly parserBodies = new Map<string, string>();

  /** Files earlier in the list win when two define the same name (static helpers of other tools). */
  constructor(files: SourceFile[]) {
    const tables = new Map<string, string[]>();
    const booleanLookups = new Set<string>();
    for (const file of files) {
      const text = stripComments(file.text);
      for (const m of text.matchAll(TABLE)) {
        if (!tables.has(m[1]!))
          tables.set(
            m[1]!,
            [...m[2]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1]!),
          );
      }
      for (const m of text.matchAll(LOOKUP)) {
        if (m[1]!.includes("WITH_BOOLEAN")) booleanLookups.add(m[2]!);
      }
      for (const m of text.matchAll(ENUM_PARSER)) {
        if (this.enumParsers.has(m[2]!)) continue;
        const lookup = m[1] === "_FULL" ? m[3]!.replace(/_from_string\w*$/, "") : m[3]!;
        this.enumParsers.set(m[2]!, { lookup, list: m[1] === "V" });
      }
      for (const m of text.matchAll(/\n(?:int\s+|CONFIG_PARSER_PROTOTYPE\()(config_parse_\w+)\(?[^{;]*\{([\s\S]*?)\n\}/g)) {
        if (!this.parserBodies.has(m[1]!)) this.parserBodies.set(m[1]!, m[2]!);
      }
    }
    for (const [name, table] of tables) {
      this.lookups.set(name, { table, acceptsBoolean: booleanLookups.has(name) });
    }
  }

  /** The words a parser accepts, if it is (or behaves as) an enum parser; undefined otherwise. */
  valuesFor(parser: string): EnumValues | undefined {
    const declared = this.enumParsers.get(parser);
    if (declared) {
      const lookup = this.lookups.get(declared.lookup);
      if (!lookup) return undefined;
      return {
        values: lookup.table,
        ...(lookup.acceptsBoolean ? { acceptsBoolean: true as const } : {}),
        ...(declared.list ? { list: true as const } : {}),
      };
    }
    return this.fromHandWrittenParser(parser);
  }

  /** Whether the parser is defined by DEFINE_CONFIG_PARSE_ENUM*: its words are exactly its table's. */
  declaresEnum(parser: string): boolean {
    return this.enumParsers.has(parser);
  }

  /** A hand-written parser counts as an enum when it looks the whole value up in exactly one table. */
  private fromHandWrittenParser(parser: string): EnumValues | undefined {
    const body = this.parserBodies.get(parser);
    if (!body) return undefined;
    const lookups = new Set([...body.matchAll(FROM_STRING)].map((m) => m[1]!).filter((name) => this.lookups.has(name)));
    if (lookups.size !== 1) return undefined;
    const lookup = this.lookups.get([...lookups][0]!)!;
    const prefixes = [...body.matchAll(/startswith\(\s*rvalue\s*,\s*"([a-z+-]+:)"\s*\)/g)].map((m) => m[1]!);
    const extra = [...body.matchAll(/streq\(\s*rvalue\s*,\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!);
    // Table words that only make sense with their argument ("file" of "file:PATH") are left out.
    const values = [...new Set([...lookup.table, ...extra])].filter((v) => !prefixes.includes(`${v}:`));
    const acceptsBoolean = lookup.acceptsBoolean || /\bparse_boolean\(\s*rvalue\s*\)/.test(body);
    return {
      values,
      ...(acceptsBoolean ? { acceptsBoolean: true as const } : {}),
      ...(prefixes.length > 0 ? { prefixes: [...new Set(prefixes)] } : {}),
    };
  }

  /** A named string table, for parsers the generator maps by hand. */
  table(name: string): EnumValues | undefined {
    const lookup = this.lookups.get(name);
    if (!lookup) return undefined;
    return { values: lookup.table, ...(lookup.acceptsBoolean ? { acceptsBoolean: true as const } : {}) };
  }
}
