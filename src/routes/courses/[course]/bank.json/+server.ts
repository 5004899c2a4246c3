/**
 * The course's question bank as JSON, prerendered: the progress and review pages and the
 * gradebook fetch it (through `fetchBank`, which validates it) when they need to grade answers or
 * show questions, so no page carries the bank in its HTML. Its texts are rendered to HTML here,
 * at build time, by the quiz page's renderer.
 */
import { json } from '@sveltejs/kit';
import { getCourse, listCourses } from '$lib/server/courses';
import { courseBank } from '$lib/content/course-bank';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => listCourses().map((course) => ({ course: course.id }));

export const GET: RequestHandler = ({ params }) => json(courseBank(getCourse(params.course)));
