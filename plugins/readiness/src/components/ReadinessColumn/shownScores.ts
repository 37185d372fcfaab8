/**
 * The scores the readiness cells of this page have loaded, by lower-case
 * entity ref, so that the column can sort the rows it has shown. Refs not
 * loaded (yet) or not scored rank lowest.
 */
const scores = new Map<string, number>();

/** Records the score a cell loaded; `undefined` when it is not scored. */
export function rememberScore(entityRef: string, score: number | undefined) {
  const key = entityRef.toLocaleLowerCase('en-US');
  if (score === undefined) {
    scores.delete(key);
  } else {
    scores.set(key, score);
  }
}

/** The score a cell loaded for the ref; -1 when none. */
export function shownScore(entityRef: string): number {
  return scores.get(entityRef.toLocaleLowerCase('en-US')) ?? -1;
}
