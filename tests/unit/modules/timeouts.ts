/**
 * Mounting Codex components in jsdom is slow on a loaded 2-core machine; this limit only guards
 * against a hanging test, it measures nothing.
 */
jest.setTimeout( 30000 );
