import { groupTasks } from '$lib/domain/tasks';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/access';
import { tasksOfRequest } from '$lib/server/tasks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const tasks = tasksOfRequest(getDb(), user);
	return {
		groups: groupTasks(tasks),
		total: tasks.length,
		// The organisation column only helps someone who works for several.
		showOrg: user.memberships.length > 1
	};
};
