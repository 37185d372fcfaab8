import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type {
  LevelDefinition,
  TrendPoint,
} from '@prodready/plugin-readiness-common';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { levelSeries } from '../LevelDistributionChart/levelSeries';

/**
 * Props of {@link ReadinessTrendChart}.
 *
 * @public
 */
export interface ReadinessTrendChartProps {
  points: TrendPoint[];
  levels?: LevelDefinition[];
  height?: number;
}

/**
 * The organisation over time: entities per level as stacked areas and the
 * mean score as a line, with the change of score written out.
 *
 * @public
 */
export function ReadinessTrendChart(props: ReadinessTrendChartProps) {
  const { points, levels, height = 260 } = props;
  const theme = useTheme();
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: the trend starts with the first scoring run.
      </Typography>
    );
  }
  if (points.length === 1) {
    return (
      <Typography variant="body2" color="textSecondary">
        One day of history so far: mean score {Math.round(points[0].score)} on{' '}
        {points[0].date}. The trend fills in with each day of scoring.
      </Typography>
    );
  }
  const series = levelSeries(
    points.map(p => p.levels),
    levels,
  );
  const data = points.map(p => ({
    date: p.date,
    score: Math.round(p.score * 10) / 10,
    ...Object.fromEntries(series.map(s => [s.id, p.levels[s.id] ?? 0])),
  }));
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <Box>
      <Box height={height} aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: -8 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" minTickGap={24} />
            <YAxis yAxisId="entities" allowDecimals={false} />
            <YAxis yAxisId="score" orientation="right" domain={[0, 100]} />
            <Tooltip />
            <Legend />
            {series.map(s => (
              <Area
                key={s.id}
                yAxisId="entities"
                type="monotone"
                dataKey={s.id}
                name={s.title}
                stackId="levels"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.7}
                isAnimationActive={false}
              />
            ))}
            <Line
              yAxisId="score"
              type="monotone"
              dataKey="score"
              name="Mean score"
              stroke={theme.palette.text.primary}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </Box>
      <Typography variant="body2" color="textSecondary">
        Mean score {Math.round(first.score)} on {first.date} →{' '}
        {Math.round(last.score)} on {last.date}.
      </Typography>
    </Box>
  );
}
