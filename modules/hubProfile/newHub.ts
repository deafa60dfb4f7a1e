import { emptyRecord, HUB_SCHEMA, type Hub } from '../core/model';

/**
 * The hub a create form starts from: named after its page, with the person creating it as its
 * first contact (a hub contact who creates a hub must be one of its contacts; core permissions.ts).
 *
 * @param key The hub's key (its page name under `<base>/Hubs/`)
 * @param user Who creates it ('' when logged out)
 */
export function newHub( key: string, user: string ): Hub {
	return { ...emptyRecord( HUB_SCHEMA ), name: key, contacts: user === '' ? [] : [ user ] };
}
