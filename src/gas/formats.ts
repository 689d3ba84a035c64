/** Number formats Uptake sets on the cells it writes. */

/** Plain text: a cell starting with = + - @ stays what was typed instead of becoming a formula. */
export const TEXT_FORMAT = '@';

/** The date format of the date columns Uptake creates: unambiguous in every locale. */
export const DATE_FORMAT = 'yyyy-mm-dd';
