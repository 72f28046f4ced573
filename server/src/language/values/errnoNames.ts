import generated from "../schema/generated/valueNames.json";
import type { ValueNames } from "../schema/generated/types";

/** Names systemd's value parsers look words up in, from the generated tables. */
export const valueNames = generated as ValueNames;

/** Linux errno names and numbers, as systemd's parse_errno() knows them. */
export const ERRNO_NUMBERS: Readonly<Record<string, number>> = valueNames.errnoNumbers;
