/** A JSON array stored in a text column (e.g. a helper's areas); anything else reads as []. */
export function parseJsonList<T>(json: string): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}
