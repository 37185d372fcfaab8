/**
 * Ten evenly spaced samples of the viridis colour map (dark purple to yellow):
 * perceptually uniform, readable in greyscale and by people with the common
 * forms of colour blindness.
 */
const VIRIDIS_STOPS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
];

function toRgb(hex: string): number[] {
  return [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
}

/**
 * The viridis colour of a value between 0 and 1 (clamped), as `#rrggbb`,
 * interpolated between the samples.
 */
export function viridis(value: number): string {
  const t = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  const position = t * (VIRIDIS_STOPS.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, VIRIDIS_STOPS.length - 1);
  const fraction = position - lower;
  const a = toRgb(VIRIDIS_STOPS[lower]);
  const b = toRgb(VIRIDIS_STOPS[upper]);
  return `#${a
    .map((channel, i) =>
      Math.round(channel + (b[i] - channel) * fraction)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The CSS gradient of the whole map, for a legend. */
export function viridisGradient(): string {
  return `linear-gradient(to right, ${VIRIDIS_STOPS.join(', ')})`;
}
