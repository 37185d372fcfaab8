/**
 * The note left when a candidate link is not counted for its scheme.
 *
 * @internal
 */
export function unsafeLinkNote(what: string): string {
  return `unsafe link scheme: ${what} is not counted`;
}
