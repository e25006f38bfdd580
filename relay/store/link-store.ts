/**
 * What the relay keeps for one-time links and secret requests (issue 14), part of the RelayStore
 * interface and implemented by both stores (sqlite-link-store.ts, postgres-link-store.ts). A link: its id,
 * owner, SHA-256 of its access token, the sealed content, expiry, views left and the receipt public key;
 * a request: its id, owner, SHA-256 of its answer token, the sealed descriptor and answers left; and the
 * sealed answers waiting for their owner. Spending a view or an answer is one atomic statement, so
 * exactly as many succeed as were allowed, across every relay process of a deployment (T25).
 */
import type { LinkState } from '../../lib/relay-protocol/link-schemas';

/** A link as the create route checked it. */
export interface LinkToStore {
  id: string;
  owner: string;
  tokenHash: string;
  receiptKey: string;
  expiresAt: number;
  maxViews: number;
  passphrase: boolean;
  content: string;
}

/** A link's public state; `receiptKey` lets the relay check "opened" proofs. */
export interface StoredLinkMeta {
  id: string;
  state: LinkState;
  expiresAt: number;
  maxViews: number;
  viewsLeft: number;
  passphrase: boolean;
  receiptKey: string;
}

/** One checked "opened" proof. */
export interface StoredOpen {
  nonce: string;
  at: number;
  proof: string;
}

/** A link as its owner lists it. */
export interface StoredOwnedLink {
  id: string;
  state: LinkState;
  expiresAt: number;
  maxViews: number;
  viewsLeft: number;
  createdAt: number;
  revokedAt: number | null;
  opens: StoredOpen[];
}

/** Why a reveal or an answer was refused: no such id, a wrong token, or nothing left (spent, answered, expired, revoked). */
export type SpendRefusal = 'not-found' | 'wrong-token' | 'gone';

export type RevealOutcome = { ok: true; content: string; viewsLeft: number } | { ok: false; reason: SpendRefusal };

/** A request as the create route checked it. */
export interface RequestToStore {
  id: string;
  owner: string;
  tokenHash: string;
  descriptor: string;
  expiresAt: number;
  maxAnswers: number;
}

export type RequestState = 'active' | 'answered' | 'expired' | 'revoked';

export interface StoredRequestMeta {
  id: string;
  state: RequestState;
  expiresAt: number;
  maxAnswers: number;
  answersLeft: number;
  /** Null once nothing more may be sent. */
  descriptor: string | null;
}

export interface StoredOwnedRequest {
  id: string;
  state: RequestState;
  expiresAt: number;
  maxAnswers: number;
  answersLeft: number;
  createdAt: number;
  revokedAt: number | null;
}

export interface StoredAnswer {
  id: number;
  requestId: string;
  receivedAt: number;
  answer: string;
}

export type AnswerOutcome = { ok: true; id: number } | { ok: false; reason: SpendRefusal };

/** What creating a link or request can meet: its id taken, or the owner at their ceiling of live ones. */
export type CreateOutcome = 'created' | 'exists' | 'too-many';

/** Rows removed by one purge of links and requests. */
export interface LinkPurgeCounts {
  links: number;
  requests: number;
  answers: number;
}

export interface LinkStore {
  /** Stores a link unless its id exists or its owner already has `maxLive` unexpired links and requests. */
  createLink(link: LinkToStore, now: number, maxLive: number): Promise<CreateOutcome>;
  /** The link's state, or null when unknown (or purged). Reads only. */
  findLink(id: string, now: number): Promise<StoredLinkMeta | null>;
  /** Spends one view, atomically, only for the right token, an unexpired, unrevoked link with views left. */
  revealLink(id: string, tokenHash: string, now: number): Promise<RevealOutcome>;
  /** Keeps a checked "opened" proof; false for a nonce already kept or more proofs than views spent. */
  recordOpen(id: string, open: StoredOpen): Promise<boolean>;
  listOwnedLinks(owner: string, now: number): Promise<StoredOwnedLink[]>;
  /** Deletes the content and marks the link revoked; false when it is not the owner's or already ended. */
  revokeLink(owner: string, id: string, now: number): Promise<boolean>;

  createRequest(request: RequestToStore, now: number, maxLive: number): Promise<CreateOutcome>;
  findRequest(id: string, now: number): Promise<StoredRequestMeta | null>;
  /** Takes one answer, atomically, only for the right token and while answers are left; the answer expires at `answerExpiresAt`. */
  answerRequest(id: string, tokenHash: string, answer: string, now: number, answerExpiresAt: number): Promise<AnswerOutcome>;
  listOwnedRequests(owner: string, now: number): Promise<{ requests: StoredOwnedRequest[]; answers: StoredAnswer[] }>;
  revokeRequest(owner: string, id: string, now: number): Promise<boolean>;
  /** Deletes answers of the owner's requests by id; returns how many went. */
  ackAnswers(owner: string, ids: number[]): Promise<number>;

  /** Deletes expired links (with their proofs), requests and answers, and the content of spent links. */
  purgeExpiredLinks(now: number): Promise<LinkPurgeCounts>;
}

/** A link's state from its row. */
export function linkStateOf(row: { expires_at: number | string; views_left: number; revoked_at: number | string | null }, now: number): LinkState {
  if (row.revoked_at !== null) return 'revoked';
  if (Number(row.expires_at) <= now) return 'expired';
  return row.views_left > 0 ? 'active' : 'spent';
}

/** A request's state from its row. */
export function requestStateOf(row: { expires_at: number | string; answers_left: number; revoked_at: number | string | null }, now: number): RequestState {
  if (row.revoked_at !== null) return 'revoked';
  if (Number(row.expires_at) <= now) return 'expired';
  return row.answers_left > 0 ? 'active' : 'answered';
}
