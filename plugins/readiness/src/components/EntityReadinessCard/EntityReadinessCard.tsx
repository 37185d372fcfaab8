import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { LEVEL_WORDS } from '@prodready/plugin-readiness-common';
import { useCheckPack } from '../../hooks/useCheckPack';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import { NextScoring } from '../NextScoring';
import { LevelBadge, levelTitle } from '../LevelBadge';
import { StateIcon } from '../StateIcon';
import { TargetText } from '../TargetText';
import { topGaps } from './topGaps';
import { asSentence, errorMessage } from '../../lib/errorMessage';

/**
 * Props of {@link EntityReadinessCard}.
 *
 * @public
 */
export interface EntityReadinessCardProps {
  /** How many gaps to list; default 3. */
  maxGaps?: number;
  /** The path of the Readiness tab under the entity page; default `readiness`. */
  tabPath?: string;
}

/**
 * An overview card for entity pages: level, score and the top gaps, with a
 * link to the Readiness tab.
 *
 * @public
 */
export function EntityReadinessCard(props: EntityReadinessCardProps) {
  const { maxGaps = 3, tabPath = 'readiness' } = props;
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const { checkPack } = useCheckPack();
  const { scorecard, loading, error } = useEntityScorecard(
    stringifyEntityRef(entity),
  );
  const ref = getCompoundEntityRef(entity);
  const tabLink = `${entityRoute({
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace,
    name: ref.name,
  })}/${tabPath}`;
  const levels = checkPack?.levels;

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error && ResponseError.is(error) && error.statusCode === 404) {
    content = (
      <Typography variant="body2" color="textSecondary">
        {LEVEL_WORDS.notScoredYet}: {asSentence(errorMessage(error))}{' '}
        <NextScoring />
      </Typography>
    );
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (scorecard) {
    const gaps = topGaps(scorecard, levels, maxGaps);
    content = (
      <>
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <LevelBadge
            level={scorecard.entity.level}
            levels={levels}
            size="medium"
          />
          <Typography
            variant="h4"
            component="p"
            aria-label={`Score ${Math.round(scorecard.entity.score)} of 100`}
          >
            {Math.round(scorecard.entity.score)}
            <Typography component="span" color="textSecondary">
              {' '}
              / 100
            </Typography>
          </Typography>
        </Box>
        <Box mt={1}>
          <TargetText entity={scorecard.entity} levels={levels} />
        </Box>
        <Box mt={2}>
          {gaps.length === 0 ? (
            <Typography variant="body2">No failing checks.</Typography>
          ) : (
            <>
              <Typography variant="subtitle2">
                Top gaps ({scorecard.entity.gaps} failing in total)
              </Typography>
              <List dense aria-label="Top gaps">
                {gaps.map(gap => (
                  <ListItem key={gap.checkId} disableGutters>
                    <ListItemIcon>
                      <StateIcon state={gap.state} hideLabel />
                    </ListItemIcon>
                    <ListItemText
                      primary={
                        <Link to={`${tabLink}#readiness-check-${gap.checkId}`}>
                          {gap.check.title}
                        </Link>
                      }
                      secondary={gap.reason}
                    />
                    <Chip
                      size="small"
                      variant="outlined"
                      label={levelTitle(gap.check.level, levels)}
                    />
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </Box>
      </>
    );
  }

  return (
    <InfoCard
      title="Production readiness"
      deepLink={{ title: 'View all checks', link: tabLink }}
    >
      {content}
    </InfoCard>
  );
}
