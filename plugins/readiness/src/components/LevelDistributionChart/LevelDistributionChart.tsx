import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { LevelDefinition } from '@prodready/plugin-readiness-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { levelSeries } from './levelSeries';

/**
 * Props of {@link LevelDistributionChart}.
 *
 * @public
 */
export interface LevelDistributionChartProps {
  /** Entities per level id; `none` for those below the lowest level. */
  counts: Record<string, number>;
  levels?: LevelDefinition[];
  height?: number;
}

/**
 * How many entities reached each level: a bar chart, with the counts and
 * shares also written out in a table.
 *
 * @public
 */
export function LevelDistributionChart(props: LevelDistributionChartProps) {
  const { counts, levels, height = 200 } = props;
  const series = levelSeries([counts], levels);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const data = series.map(s => ({ ...s, count: counts[s.id] ?? 0 }));
  if (total === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No entity is scored yet.
      </Typography>
    );
  }
  return (
    <Box>
      <Box height={height} aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="title" />
            <YAxis allowDecimals={false} />
            <Tooltip formatter={(value: number) => [value, 'Entities']} />
            <Bar dataKey="count" isAnimationActive={false}>
              {data.map(d => (
                <Cell key={d.id} fill={d.color} stroke="#00000040" />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Table size="small" aria-label="Entities per level">
        <TableBody>
          {data.map(d => (
            <TableRow key={d.id}>
              <TableCell component="th" scope="row">
                {d.title}
              </TableCell>
              <TableCell align="right">{d.count}</TableCell>
              <TableCell align="right">
                {Math.round((100 * d.count) / total)}%
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
