/**
 * Tests that run on the extension route only. Both routes run the same client code against the
 * same API; what differs is how the code is loaded (ResourceLoader modules or gadgets), its
 * messages and its Codex. So the gadget route runs a representative part of every feature (each
 * screen loads, renders, saves, lays out right to left and passes axe), and tests of logic that
 * cannot differ between routes (permissions, concurrency, conflicts, abuse filters) run once, to
 * keep CI short. Jest reports them as skipped on the gadget route.
 */
import { testRoute } from '../../support/wiki';

export const itOnOneRoute: jest.It = testRoute() === 'gadgets' ? it.skip : it;
