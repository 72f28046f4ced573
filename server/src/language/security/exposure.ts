import { parseUnitFile, type UnitFile } from "../parser";
import { EXPOSURE_CHECKS, type ExposureCheck } from "./exposureChecks";
import { securityInfo } from "./securityInfo";

export interface ExposureRow {
  check: ExposureCheck;
  /** undefined when the row does not apply to this service. */
  badness: number | undefined;
  /** true when fully hardened, false when not, null when not applicable (systemd's JSON "set"). */
  set: boolean | null;
  /** This row's share of the overall score, in tenths ("0.2"); null when it adds nothing. */
  exposure: string | null;
}

export interface Exposure {
  rows: ExposureRow[];
  /** The overall score in tenths: 96 is "9.6". */
  tenths: number;
  level: string;
}

const LEVELS: readonly [number, string][] = [
  [100, "DANGEROUS"],
  [90, "UNSAFE"],
  [75, "EXPOSED"],
  [50, "MEDIUM"],
  [10, "OK"],
  [1, "SAFE"],
  [0, "PERFECT"],
];

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/** "9.6" from 96. */
export function formatTenths(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** The exposure score of `systemd-analyze security --offline=true` (systemd 252) for a service's text. */
export function serviceExposure(file: UnitFile): Exposure {
  const info = securityInfo(file);
  let badnessSum = 0;
  let weightSum = 0;
  const scored = EXPOSURE_CHECKS.map((check) => {
    const badness = check.defaultDependenciesOnly && !info.defaultDependencies ? undefined : check.badness(info);
    if (badness !== undefined) {
      badnessSum += ceilDiv(badness * check.weight, check.range);
      weightSum += check.weight;
    }
    return { check, badness };
  });
  const rows = scored.map(({ check, badness }): ExposureRow => {
    const set = badness === undefined ? null : badness === 0;
    const exposure =
      badness === undefined || badness === 0 ? null : formatTenths(ceilDiv(ceilDiv(badness * check.weight * 100, check.range), weightSum));
    return { check, badness, set, exposure };
  });
  const tenths = ceilDiv(badnessSum * 100, weightSum);
  return { rows, tenths, level: LEVELS.find(([floor]) => tenths >= floor)![1] };
}

/**
 * The score of a service read from its unit file and drop-ins, in the order systemd reads them:
 * one after another, so a later assignment replaces, adds to or (empty) resets an earlier one.
 */
export function unitExposure(texts: readonly string[]): Exposure {
  return serviceExposure(parseUnitFile(texts.join("\n")));
}
