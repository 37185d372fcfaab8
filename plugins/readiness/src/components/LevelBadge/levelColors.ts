import {
  levelWord,
  type LevelDefinition,
} from '@prodready/plugin-readiness-common';

/** Badge colours of the default levels, light enough for dark text. */
const DEFAULT_LEVEL_COLORS: Record<string, string> = {
  bronze: '#d9a066',
  silver: '#cfd4da',
  gold: '#f2c94c',
};

/** The title of a level id, from the pack or else the id capitalised (see `levelWord`). */
export function levelTitle(
  level: string,
  levels: LevelDefinition[] | undefined,
): string {
  return levelWord(level, levels);
}

/** The badge colour of a level: the pack's colour, a default, or none. */
export function levelColor(
  level: string,
  levels: LevelDefinition[] | undefined,
): string | undefined {
  return (
    levels?.find(l => l.id === level)?.color ?? DEFAULT_LEVEL_COLORS[level]
  );
}

/**
 * Black or white, whichever reads better on the given `#rrggbb` colour
 * (WCAG relative luminance). Other colour syntaxes get black.
 */
export function readableTextColor(background: string): string {
  const match = background.match(/^#([0-9a-f]{6})$/i);
  if (!match) {
    return '#000000';
  }
  const channels = [0, 2, 4].map(i => {
    const c = parseInt(match[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance =
    0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05).
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05)
    ? '#000000'
    : '#ffffff';
}
