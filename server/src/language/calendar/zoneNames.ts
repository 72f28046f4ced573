/**
 * Zone abbreviations ("CET", "EDT") from the runtime's locale data. Where no English locale has a
 * name for a zone, the tz database itself writes the offset ("+09", "-0330"), and so does this.
 */
const LOCALES = ["en-US", "en-GB"] as const;
const formatters = new Map<string, Intl.DateTimeFormat[]>();

function formattersFor(zone: string): Intl.DateTimeFormat[] {
  let list = formatters.get(zone);
  if (!list) {
    list = LOCALES.map((locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }));
    formatters.set(zone, list);
  }
  return list;
}

function numericName(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const minutes = Math.round(Math.abs(offset) / 60);
  const hours = String(Math.floor(minutes / 60)).padStart(2, "0");
  return minutes % 60 ? `${sign}${hours}${String(minutes % 60).padStart(2, "0")}` : `${sign}${hours}`;
}

export function zoneAbbreviation(zone: string, seconds: number, offset: number): string {
  const date = new Date(seconds * 1000);
  for (const formatter of formattersFor(zone)) {
    const name = formatter.formatToParts(date).find((part) => part.type === "timeZoneName")?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return numericName(offset);
}
