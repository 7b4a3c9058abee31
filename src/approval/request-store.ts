/**
 * Approval requests in the shared storage (files or Azure Blob, so every instance sees the same requests):
 *
 * - `approval/requests/<id>`: the record (JSON);
 * - `approval/photos/<id>`: the prepared JPEG waiting for a decision (deleted once the request is decided);
 * - `approval/decisions/<id>`: the decision marker, created with create-if-absent: of any number of approvers (on any
 *   number of instances) and the sweeper, exactly one decides a request;
 * - `approval/cards/<id>/<approver>`: where each approver's card of the request is, to update it after a decision;
 * - `approval/by-person/<requester>/<id>`: an index of a person's requests (`my data`, `forget me`).
 *
 * Records are kept {@link RECORD_RETENTION_MS} past their expiry, then the storage drops them.
 */
import type { PersonRequestSummary, PersonRequests } from '../trust/person-data.js';
import { createJsonIfAbsent, getJson, putJson } from '../storage/json.js';
import { encodeKeySegment, type Storage } from '../storage/storage.js';
import type { ApprovalRequest, ApproverCard, DecisionMarker } from './approval-types.js';

/** How long a request's record outlives its expiry, for `my data` and for support questions. */
export const RECORD_RETENTION_MS = 30 * 86_400_000;

const PREFIX = 'approval/';
const requestKey = (id: string) => `${PREFIX}requests/${encodeKeySegment(id)}`;
const photoKey = (id: string) => `${PREFIX}photos/${encodeKeySegment(id)}`;
const decisionKey = (id: string) => `${PREFIX}decisions/${encodeKeySegment(id)}`;
const cardsPrefix = (id: string) => `${PREFIX}cards/${encodeKeySegment(id)}/`;
const personPrefix = (personId: string) => `${PREFIX}by-person/${encodeKeySegment(personId.toLowerCase())}/`;

/** Milliseconds since the epoch of an ISO date. */
const ms = (iso: string) => Date.parse(iso);

export class RequestStore implements PersonRequests {
  constructor(private readonly storage: Storage) {}

  /** Stores a new request and its photo (the photo first: a record never exists without its photo). */
  async create(request: ApprovalRequest, jpeg: Uint8Array): Promise<void> {
    const keepUntil = ms(request.expiresAt) + RECORD_RETENTION_MS;
    await this.storage.put(photoKey(request.id), jpeg, { contentType: 'image/jpeg', expiresAt: keepUntil });
    await putJson(this.storage, requestKey(request.id), request, { expiresAt: keepUntil });
    await this.storage.put(
      `${personPrefix(request.requester.id)}${encodeKeySegment(request.id)}`,
      new Uint8Array(),
      {
        expiresAt: keepUntil,
      },
    );
  }

  async get(id: string): Promise<ApprovalRequest | undefined> {
    return getJson<ApprovalRequest>(this.storage, requestKey(id));
  }

  /** Replaces a request's record (only the one who created its decision marker does this). */
  async save(request: ApprovalRequest): Promise<void> {
    await putJson(this.storage, requestKey(request.id), request, {
      expiresAt: ms(request.expiresAt) + RECORD_RETENTION_MS,
    });
  }

  async photo(id: string): Promise<Uint8Array | undefined> {
    return (await this.storage.get(photoKey(id)))?.value;
  }

  async deletePhoto(id: string): Promise<void> {
    await this.storage.delete(photoKey(id));
  }

  /** Creates the decision marker. @returns `false` when the request was decided already (by anyone). */
  async mark(id: string, marker: DecisionMarker): Promise<boolean> {
    return createJsonIfAbsent(this.storage, decisionKey(id), marker);
  }

  async marker(id: string): Promise<DecisionMarker | undefined> {
    return getJson<DecisionMarker>(this.storage, decisionKey(id));
  }

  /** Removes a marker whose decision could not be carried out (Graph refused the photo), so it can be decided again. */
  async unmark(id: string): Promise<void> {
    await this.storage.delete(decisionKey(id));
  }

  async addCard(requestId: string, card: ApproverCard, expiresAt: string): Promise<void> {
    await putJson(
      this.storage,
      `${cardsPrefix(requestId)}${encodeKeySegment(card.approverId.toLowerCase())}`,
      card,
      {
        expiresAt: ms(expiresAt) + RECORD_RETENTION_MS,
      },
    );
  }

  async cards(requestId: string): Promise<ApproverCard[]> {
    const keys = await this.storage.list(cardsPrefix(requestId));
    const cards = await Promise.all(keys.map((key) => getJson<ApproverCard>(this.storage, key)));
    return cards.filter((card): card is ApproverCard => card !== undefined);
  }

  /** Every request still pending (records whose state says so), oldest first. */
  async pending(): Promise<ApprovalRequest[]> {
    const keys = await this.storage.list(`${PREFIX}requests/`);
    const records = await Promise.all(keys.map((key) => getJson<ApprovalRequest>(this.storage, key)));
    return records
      .filter((r): r is ApprovalRequest => r !== undefined && r.state === 'pending')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async listFor(personId: string): Promise<readonly PersonRequestSummary[]> {
    return (await this.requestsOf(personId)).map(({ id, createdAt, expiresAt, state }) => ({
      id,
      createdAt,
      expiresAt,
      state,
    }));
  }

  /**
   * Deletes every request the person made, with its photo and cards' positions. A pending one is withdrawn first
   * (its decision marker taken), so no approver can approve it while or after it is deleted.
   */
  async deleteFor(personId: string): Promise<number> {
    const requests = await this.requestsOf(personId);
    for (const request of requests) {
      if (request.state === 'pending') {
        await this.mark(request.id, {
          decision: 'withdraw',
          by: { id: request.requester.id, name: request.requester.name },
          at: new Date().toISOString(),
        });
      }
      await this.storage.delete(photoKey(request.id));
      for (const key of await this.storage.list(cardsPrefix(request.id))) await this.storage.delete(key);
      await this.storage.delete(requestKey(request.id));
      // Last: with the record gone nobody can decide it any more, and the marker names the person.
      await this.storage.delete(decisionKey(request.id));
    }
    for (const key of await this.storage.list(personPrefix(personId))) await this.storage.delete(key);
    return requests.length;
  }

  /** Removes expired items (records past their retention, leftovers). */
  async deleteExpired(): Promise<number> {
    return this.storage.deleteExpired(PREFIX);
  }

  private async requestsOf(personId: string): Promise<ApprovalRequest[]> {
    const prefix = personPrefix(personId);
    const ids = (await this.storage.list(prefix)).map((key) => key.slice(prefix.length));
    const records = await Promise.all(
      ids.map((segment) => getJson<ApprovalRequest>(this.storage, `${PREFIX}requests/${segment}`)),
    );
    return records
      .filter(
        (r): r is ApprovalRequest =>
          r !== undefined && r.requester.id.toLowerCase() === personId.toLowerCase(),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
