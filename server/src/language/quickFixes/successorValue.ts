// Old cgroup v1 weights have other ranges than their successors; systemd converts them with the
// same proportional formulas (scaled around each side's default, then clamped to 1..10000).
const WEIGHT_MIN = 1;
const WEIGHT_MAX = 10000;
const WEIGHT_DEFAULT = 100;
const CPU_SHARES_DEFAULT = 1024;
const BLKIO_WEIGHT_DEFAULT = 500;

function scaledWeight(text: string, oldDefault: number): string | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const scaled = Math.floor((Number(text) * WEIGHT_DEFAULT) / oldDefault);
  return String(Math.min(Math.max(scaled, WEIGHT_MIN), WEIGHT_MAX));
}

/** How each old directive's value becomes its successor's; directives not listed keep the value as it is. */
const CONVERSIONS: Readonly<Partial<Record<string, (value: string) => string | undefined>>> = {
  CPUShares: (value) => scaledWeight(value, CPU_SHARES_DEFAULT),
  StartupCPUShares: (value) => scaledWeight(value, CPU_SHARES_DEFAULT),
  BlockIOWeight: (value) => scaledWeight(value, BLKIO_WEIGHT_DEFAULT),
  StartupBlockIOWeight: (value) => scaledWeight(value, BLKIO_WEIGHT_DEFAULT),
  // "/dev/sda 500": the device stays, the weight is scaled.
  BlockIODeviceWeight: (value) => {
    const match = /^(\S+)\s+(\d+)$/.exec(value);
    const weight = match && scaledWeight(match[2]!, BLKIO_WEIGHT_DEFAULT);
    return weight ? `${match![1]} ${weight}` : undefined;
  },
};

/** The value to write for the successor of `directive`; undefined when it cannot be converted (e.g. it uses specifiers). */
export function successorValue(directive: string, value: string): string | undefined {
  const convert = CONVERSIONS[directive];
  return convert && value !== "" ? convert(value) : value;
}
