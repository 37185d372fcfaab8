import Chip from '@material-ui/core/Chip';
import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import {
  levelWord,
  type LevelDefinition,
} from '@prodready/plugin-readiness-common';
import { levelColor, levelTitle, readableTextColor } from './levelColors';

/**
 * Props of {@link LevelBadge}.
 *
 * @public
 */
export interface LevelBadgeProps {
  /** The level id reached; absent when the entity reached no level (`Below Bronze`). */
  level?: string;
  /** The pack's levels, for titles and colours; defaults apply without. */
  levels?: LevelDefinition[];
  /** Chip size; `small` fits table cells and headers. */
  size?: 'small' | 'medium';
}

/**
 * A readiness level as a badge: a trophy icon and the level's title, so the
 * level is never told by colour alone.
 *
 * @public
 */
export function LevelBadge(props: LevelBadgeProps) {
  const { level, levels, size = 'small' } = props;
  if (!level) {
    return (
      <Chip
        size={size}
        variant="outlined"
        label={levelWord(undefined, levels)}
        data-testid="readiness-level-badge"
      />
    );
  }
  const title = levelTitle(level, levels);
  const background = levelColor(level, levels);
  const color = background ? readableTextColor(background) : undefined;
  return (
    <Chip
      size={size}
      icon={<EmojiEventsIcon style={color ? { color } : undefined} />}
      label={title}
      style={background ? { background, color } : undefined}
      aria-label={`Readiness level ${title}`}
      data-testid="readiness-level-badge"
    />
  );
}
