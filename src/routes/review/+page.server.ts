import { listCourses } from '$lib/server/courses';

export function load() {
	return {
		courses: listCourses().map((c) => ({
			id: c.id,
			title: c.title,
			topics: c.topics,
			// Lesson and section titles, for "Review in the lesson" links on cards.
			sections: Object.fromEntries(
				[...c.lessons.values()].flatMap((l) =>
					l.sections.map((s) => [`${l.id}#${s.id}`, { lesson: l.title, section: s.title }])
				)
			)
		}))
	};
}
