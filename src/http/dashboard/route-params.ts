/** A database id from a path or query: a whole number above 0, else undefined (answered with 404). */
export function positiveId(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
