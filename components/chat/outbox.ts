'use client';

/**
 * Messages written but not yet stored by the server, kept in IndexedDB so that a closed tab,
 * a reload or a dead network loses nothing. Each keeps the client id it was given when written:
 * sending it again (after a timeout, or after a response that never arrived) stores it once.
 */
export type OutboxItem = {
  clientId: string;
  conversationId: string;
  body: string;
  replyToId?: string;
  /** Milliseconds since the epoch, with a counter: the order the person wrote them in. */
  writtenAt: number;
  /** Set when the server refused it (too long, no longer a member): shown, not retried. */
  error?: string;
};

const databaseName = 'plaza-chat';
const storeName = 'outbox';

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(storeName, { keyPath: 'clientId' });
      store.createIndex('conversation', ['conversationId', 'writtenAt']);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, mode);
    const request = work(transaction.objectStore(storeName));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  await run('readwrite', (store) => store.put(item));
}

export async function removeOutbox(clientId: string): Promise<void> {
  await run('readwrite', (store) => store.delete(clientId));
}

/** A conversation's waiting messages, in the order they were written. */
export async function listOutbox(conversationId: string): Promise<OutboxItem[]> {
  const range = IDBKeyRange.bound([conversationId, 0], [conversationId, Number.MAX_SAFE_INTEGER]);
  return run('readonly', (store) => store.index('conversation').getAll(range) as IDBRequest<OutboxItem[]>);
}

let lastWritten = 0;
/** Strictly increasing even for two messages in the same millisecond. */
export function writtenNow(): number {
  lastWritten = Math.max(Date.now(), lastWritten + 1);
  return lastWritten;
}

export function newClientId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
