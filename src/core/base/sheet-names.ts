// The names of the sheets Uptake makes, in one place for the add-on, the local run and the bench.

/** The sheet of emails sent, which Uptake owns and re-creates (never read as the team's log or roster). */
export const SENT_SHEET = 'Uptake sent';
/** Names "Set up log and roster" gives the sheets it creates. */
export const DEFAULT_LOG_SHEET = 'AI usage log';
export const DEFAULT_ROSTER_SHEET = 'Roster';
