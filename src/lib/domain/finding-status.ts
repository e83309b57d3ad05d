/**
 * The statuses of a security finding, in the order the findings page offers them: the one
 * list the database constraint, the forms and the labels read.
 */
export const FINDING_STATUSES = ['open', 'in_progress', 'resolved', 'accepted'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
