/** C's strtol()/strtoul() number reading, as systemd's safe_atoi() family uses it. */

const C_SPACE = " \t\n\v\f\r";

export interface CNumber {
  value: bigint;
  negative: boolean;
}

/**
 * Reads a whole string as an integer the way safe_atoi() does: leading whitespace, a sign, and the
 * prefixes 0x (hex), 0o and 0b, or a leading 0 for octal. Undefined when any text is left over.
 */
export function readCInteger(text: string, base: 0 | 8 | 10 = 0): CNumber | undefined {
  let i = 0;
  while (i < text.length && C_SPACE.includes(text[i]!)) i++;
  let radix: number = base;
  if (base === 0) {
    const prefix = text.slice(i, i + 2).toLowerCase();
    if (prefix === "0b" || prefix === "0o") {
      radix = prefix === "0b" ? 2 : 8;
      i += 2;
    }
  }
  let negative = false;
  if (text[i] === "+" || text[i] === "-") {
    negative = text[i] === "-";
    i++;
  }
  if (radix === 0) {
    if (/^0x[0-9a-f]/i.test(text.slice(i, i + 3))) {
      radix = 16;
      i += 2;
    } else radix = text[i] === "0" ? 8 : 10;
  }
  const digits = text.slice(i);
  const pattern = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-f]+$/i }[radix as 2 | 8 | 10 | 16];
  if (!pattern.test(digits)) return undefined;
  const prefix = radix === 16 ? "0x" : radix === 8 ? "0o" : radix === 2 ? "0b" : "";
  return { value: BigInt(prefix + digits), negative };
}

/** The signed value of a reading; undefined when it does not fit a 32-bit int. */
export function toInt32(n: CNumber): number | undefined {
  const v = n.negative ? -n.value : n.value;
  return v >= -(2n ** 31n) && v < 2n ** 31n ? Number(v) : undefined;
}
