/**
 * The public `frontier-facts:start` mark, in a module of its own that the
 * entry imports first: it runs before any other module of the bundle is
 * initialised, so start→ready includes our whole start-up.
 */
export const MARK_START = 'frontier-facts:start';
performance.mark(MARK_START);
