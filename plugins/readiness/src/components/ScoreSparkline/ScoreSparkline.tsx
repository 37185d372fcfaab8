import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { TrendPoint } from '@prodready/plugin-readiness-common';
import { Line, LineChart, Tooltip, YAxis } from 'recharts';

/**
 * Props of {@link ScoreSparkline}.
 *
 * @public
 */
export interface ScoreSparklineProps {
  points: TrendPoint[];
  width?: number;
  height?: number;
}

function formatDay(date: string): string {
  return new Date(`${date}T00:00:00`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/**
 * A small line of a score over time, with the change written out beside it.
 *
 * @public
 */
export function ScoreSparkline(props: ScoreSparklineProps) {
  const { points, width = 220, height = 48 } = props;
  const theme = useTheme();
  if (points.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        Not enough history for a trend yet.
      </Typography>
    );
  }
  const first = points[0];
  const last = points[points.length - 1];
  const data = points.map(p => ({ date: p.date, score: Math.round(p.score) }));
  return (
    <Box>
      <LineChart
        width={width}
        height={height}
        data={data}
        aria-hidden
        margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
      >
        <YAxis hide domain={[0, 100]} />
        <Tooltip
          formatter={(value: number) => [value, 'Score']}
          labelFormatter={(_label, payload) =>
            payload?.[0] ? formatDay(String(payload[0].payload.date)) : ''
          }
        />
        <Line
          type="monotone"
          dataKey="score"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
      <Typography variant="caption" color="textSecondary">
        Score {Math.round(first.score)} → {Math.round(last.score)} since{' '}
        {formatDay(first.date)}
      </Typography>
    </Box>
  );
}
