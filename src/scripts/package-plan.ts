/**
 * What `npm run package` builds (package.ts): the package's name, what its app reports to the
 * LMS (PackageConfig), what its manifest says, and the checks of the built files.
 */
import type { Course } from '../lib/content/model.ts';
import type { PackageFormat, PackageInfo } from '../lib/lms/manifest.ts';
import type { PackageConfig } from '../lib/package.ts';

/** A request that cannot be packaged, with what to do instead. */
export class PackageError extends Error {}

export interface PackageRequest {
	courseId: string;
	quizId?: string;
	format: PackageFormat;
	/** Origins of LRSs the package may send to (cmi5 launches name their LRS at run time). */
	lrsOrigins: readonly string[];
	/** The site's address, the base of the course's IRI (cmi5); a URN when not given. */
	site?: string;
}

export interface PackagePlan {
	/** `ai-frameworks-scorm12`, `ai-frameworks-overview-cmi5`… */
	name: string;
	config: PackageConfig;
	info: Omit<PackageInfo, 'files'>;
	lrsOrigins: string[];
}

/** An origin as the CSP's `connect-src` takes it; throws when `text` is not one. */
export function lrsOrigin(text: string): string {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new PackageError(`--lrs-origin ${text} is not a URL (give e.g. https://lrs.example.edu)`);
	}
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		throw new PackageError(`--lrs-origin ${text} must be https (http only for localhost)`);
	}
	return url.origin;
}

export function packagePlan(courses: readonly Course[], request: PackageRequest): PackagePlan {
	const course = courses.find((c) => c.id === request.courseId);
	if (!course) {
		throw new PackageError(
			`there is no course "${request.courseId}"; there are: ${courses.map((c) => c.id).join(', ')}`
		);
	}
	const quiz = request.quizId === undefined ? undefined : course.quizzes.get(request.quizId);
	if (request.quizId !== undefined && !quiz) {
		throw new PackageError(
			`the course "${course.id}" has no quiz "${request.quizId}"; it has: ${[...course.quizzes.keys()].join(', ')}`
		);
	}
	const quizzes = (quiz ? [quiz] : [...course.quizzes.values()]).map((q) => ({
		id: q.id,
		passMark: q.passMark
	}));
	const lessons = quiz ? [] : [...course.lessonOrder];
	const id = quiz ? `${course.id}-${quiz.id}` : course.id;
	const site = request.site?.replace(/\/+$/, '');
	const iri = site
		? `${site}/courses/${encodeURIComponent(course.id)}${quiz ? `/quizzes/${encodeURIComponent(quiz.id)}` : ''}`
		: `urn:coursekit:${encodeURIComponent(id)}`;
	return {
		name: `${id}-${request.format}`,
		config: {
			format: request.format,
			courseId: course.id,
			...(quiz ? { quizId: quiz.id } : {}),
			lessons,
			quizzes
		},
		info: {
			id,
			title: quiz ? `${quiz.title} (${course.title})` : course.title,
			description: quiz?.description ?? course.summary,
			launch: quiz ? `courses/${course.id}/quizzes/${quiz.id}.html` : `courses/${course.id}.html`,
			// The LMS's own pass rule agrees with the report only for one quiz; a course's package
			// reports passed when every quiz passes, which one mastery score cannot say.
			passMark: quizzes.length === 1 ? quizzes[0].passMark : undefined,
			scored: quizzes.length > 0,
			iri
		},
		lrsOrigins: request.lrsOrigins.map(lrsOrigin)
	};
}

/** Root-relative URLs (`href="/…"`, `url(/…)`) in the built pages and styles: each breaks in an LMS. */
export function absoluteUrls(files: readonly string[], read: (file: string) => string): string[] {
	const found: string[] = [];
	for (const file of files.filter((f) => /\.(html|css)$/.test(f))) {
		const text = read(file);
		const pattern = /(?:\b(?:src|href|action|content)=["']|url\(\s*["']?)\/(?!\/)[^"')\s]*/g;
		for (const match of text.matchAll(pattern)) found.push(`${file}: ${match[0]}`);
	}
	return found;
}
