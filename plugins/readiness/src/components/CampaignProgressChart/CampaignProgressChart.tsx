import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { CampaignProgressPoint } from '@prodready/plugin-readiness-common';
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

/**
 * Props of {@link CampaignProgressChart}.
 *
 * @public
 */
export interface CampaignProgressChartProps {
  points: CampaignProgressPoint[];
  height?: number;
}

/**
 * A campaign over time: entities done as an area under the entities in
 * scope as a line, with the change written out (the chart itself is hidden
 * from screen readers, as the trend chart's is).
 *
 * @public
 */
export function CampaignProgressChart(props: CampaignProgressChartProps) {
  const { points, height = 240 } = props;
  const theme = useTheme();
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: progress is recorded with each day of scoring.
      </Typography>
    );
  }
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    points.length === 1 ? (
      <>
        One day of history so far: {last.done}/{last.entities} done on{' '}
        {last.date}.
      </>
    ) : (
      <>
        {first.done}/{first.entities} done on {first.date} → {last.done}/
        {last.entities} on {last.date}.
      </>
    );
  if (points.length === 1) {
    return (
      <Typography variant="body2" color="textSecondary">
        {summary}
      </Typography>
    );
  }
  return (
    <Box>
      <Box height={height} aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={points}
            margin={{ top: 8, right: 8, bottom: 0, left: -8 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" minTickGap={24} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Area
              type="stepAfter"
              dataKey="done"
              name="Done"
              stroke={theme.palette.success.main}
              fill={theme.palette.success.main}
              fillOpacity={0.5}
              isAnimationActive={false}
            />
            <Line
              type="stepAfter"
              dataKey="entities"
              name="In scope"
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
        {summary}
      </Typography>
    </Box>
  );
}
