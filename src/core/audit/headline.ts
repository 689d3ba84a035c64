/** The one sentence the weekly report to the founder starts with (spec §11). */
import { plural, windowPhrase } from '../base/text';

export interface HeadlineFigures {
  activeMembers: number;
  runs: number;
  blendedAcceptanceRate: number | null;
  workflowsBelow: number;
  weeks: number;
}

export function headline(f: HeadlineFigures): string {
  const period = windowPhrase(f.weeks);
  const rate =
    f.blendedAcceptanceRate === null
      ? 'no acceptance rate yet'
      : `blended acceptance rate ${Math.round(f.blendedAcceptanceRate * 100)}%`;
  return (
    `${plural(f.activeMembers, 'team member')} ran ${plural(f.runs, 'workflow session')} ${period}; ${rate}; ` +
    `${plural(f.workflowsBelow, 'workflow')} below threshold under review.`
  );
}
