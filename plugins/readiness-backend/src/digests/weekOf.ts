/**
 * The Monday (UTC) of the week `date` falls in, `YYYY-MM-DD`: the key of a
 * weekly digest, the same whichever day of the week it runs.
 *
 * @internal
 */
export function weekOf(date: Date): string {
  const day = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()),
  );
  // getUTCDay: Sunday 0 … Saturday 6; Monday starts the week.
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day.toISOString().slice(0, 10);
}
