/**
 * How large a roster may be. A roster is one cohort graded in one run, and every learner in it is
 * kept in memory while the run is planned: these bounds keep a mistaken file (an export of a whole
 * directory, a log pasted into the CSV) from exhausting memory, far above any real class. A larger
 * programme is several cohorts, one roster each.
 */

/** Rows of learners (the header not counted). */
export const maxRosterLearners = 10_000;

/**
 * The file's size, refused before it is read. About 500 bytes per learner at the learner limit, three
 * times a row that fills every column with realistic values.
 */
export const maxRosterFileBytes = 5 * 1024 * 1024;
