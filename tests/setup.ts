/** Unit-test set-up: zod as the extension runs it (jitless, like every entrypoint), an in-memory IndexedDB so Dexie runs under Node. */
import '../lib/messaging/zod-jitless';
import 'fake-indexeddb/auto';
