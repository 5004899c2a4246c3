import { QUESTION_TYPES } from '../content/schema.ts';
import { describe, expect, it } from 'vitest';
import { loadCourses } from '../content/load.ts';
import { readContentFiles } from '../content/read-dir.ts';
import { courseBank } from '../content/course-bank.ts';
import { contentHash } from '../quiz/hash.ts';
import { Bank, fetchBank } from './fetch-bank.ts';

const [tiny] = loadCourses(readContentFiles('tests/fixtures/tiny-course')).courses;
/** The tiny course's bank as JSON data, the way bank.json serves it. */
const tinyBank = () => JSON.parse(JSON.stringify(courseBank(tiny)));

/** A fetch that answers every request with `body` and `init`, and records the URLs asked for. */
function fakeFetch(body: BodyInit | null, init?: ResponseInit) {
	const urls: string[] = [];
	const fetchFn = async (input: RequestInfo | URL) => {
		urls.push(String(input));
		return new Response(body, init);
	};
	return Object.assign(fetchFn as typeof fetch, { urls });
}

describe('fetchBank', () => {
	it('fetches the course’s bank.json and returns the validated bank', async () => {
		const fetchFn = fakeFetch(JSON.stringify(tinyBank()));
		const bank = await fetchBank('tiny', fetchFn);
		expect(fetchFn.urls).toEqual(['/courses/tiny/bank.json']);
		expect(bank).toEqual(tinyBank());
		// The tiny course has one question of every type, in the schema's order.
		expect(bank.quizzes[0].questions.map((v) => v.question.type)).toEqual([...QUESTION_TYPES]);
	});

	it('names the course and the HTTP status when the bank is missing', async () => {
		await expect(
			fetchBank('tiny', fakeFetch('Not found', { status: 404, statusText: 'Not Found' }))
		).rejects.toThrow(
			'Could not load the question bank of course "tiny" (/courses/tiny/bank.json): the server answered HTTP 404 Not Found.'
		);
	});

	it('says the bank is not JSON when it is not (e.g. an HTML error page)', async () => {
		await expect(fetchBank('tiny', fakeFetch('<!doctype html><p>Oops</p>'))).rejects.toThrow(
			'Could not read the question bank of course "tiny" (/courses/tiny/bank.json): it is not valid JSON.'
		);
	});

	it('names the course and the path of what is wrong in a bank of the wrong shape', async () => {
		// The bank.json of before: raw questions, without their build-time HTML.
		const raw = tinyBank();
		raw.quizzes[0].questions = tiny.quizzes.get('basics-quiz')!.questions;
		await expect(fetchBank('tiny', fakeFetch(JSON.stringify(raw)))).rejects.toThrow(
			/^Could not read the question bank of course "tiny" \(\/courses\/tiny\/bank.json\): .+ at quizzes\.0\.questions\.0\.question\.$/
		);
		const badKey = tinyBank();
		badKey.quizzes[0].questions[2].question.answer = 'yes';
		await expect(fetchBank('tiny', fakeFetch(JSON.stringify(badKey)))).rejects.toThrow(
			/expected boolean.* at quizzes\.0\.questions\.2\.question\.answer\.$/
		);
		badKey.quizzes[0].questions[2].question.type = 'essay';
		await expect(fetchBank('tiny', fakeFetch(JSON.stringify(badKey)))).rejects.toThrow(
			/: unknown question type at quizzes\.0\.questions\.2\.question\.type\.$/
		);
	});

	it('refuses the bank of another course', async () => {
		const other = { ...tinyBank(), courseId: 'other' };
		await expect(fetchBank('tiny', fakeFetch(JSON.stringify(other)))).rejects.toThrow(
			'course "tiny" (/courses/tiny/bank.json): it is the bank of course "other".'
		);
	});

	it('says which bank it could not fetch when the network fails', async () => {
		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		await expect(fetchBank('tiny', offline)).rejects.toThrow(
			'Could not fetch the question bank of course "tiny" (/courses/tiny/bank.json): Failed to fetch'
		);
	});
});

describe('Bank', () => {
	it('keeps question fields it does not check, so the content hash is unchanged', () => {
		const data = tinyBank();
		Object.assign(data.quizzes[0].questions[0].question, {
			difficulty: 2,
			hint: 'Think of paint.'
		});
		const before = contentHash(
			data.quizzes[0].questions.map((v: Bank['quizzes'][0]['questions'][0]) => v.question)
		);
		const bank = Bank.parse(data);
		expect(bank.quizzes[0].questions[0].question).toMatchObject({ hint: 'Think of paint.' });
		expect(contentHash(bank.quizzes[0].questions.map((v) => v.question))).toBe(before);
	});
});
