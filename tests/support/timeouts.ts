// Tests against the real wiki and browser wait on real servers; their budget is generous so that a
// slow CI machine fails only on real problems. Speed is measured by `npm run bench`, not here.
jest.setTimeout( 120_000 );
