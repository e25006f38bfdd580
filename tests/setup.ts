/** Unit-test set-up: an in-memory IndexedDB so Dexie runs under Node. */
import 'fake-indexeddb/auto';
