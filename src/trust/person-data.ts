/**
 * What `my data` and `forget me` (src/privacy/) need from the features that keep something about a person but whose
 * storage they do not own. Approval implements {@link PersonRequests}.
 */

/** One approval request, as `my data` lists it. */
export interface PersonRequestSummary {
  readonly id: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly expiresAt: string;
  readonly state: 'pending' | 'approved' | 'rejected' | 'expired' | 'withdrawn';
}

/** A person's approval requests (those they made). */
export interface PersonRequests {
  listFor(personId: string): Promise<readonly PersonRequestSummary[]>;
  /** Deletes every request the person made (and its photo); returns how many. Pending ones are withdrawn first. */
  deleteFor(personId: string): Promise<number>;
}
