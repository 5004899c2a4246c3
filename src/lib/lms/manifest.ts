/**
 * The files an LMS reads to import a package: `imsmanifest.xml` for SCORM 1.2 and 2004 (4th
 * Edition), `cmi5.xml` for cmi5. One activity (SCO or AU) per package: a course, or one quiz of
 * it (`--quiz`). Every path is relative to the package root; nothing is absolute.
 */
import { xmlText } from '../xml.ts';

export type PackageFormat = 'scorm12' | 'scorm2004' | 'cmi5';

export interface PackageInfo {
	/** The course id, or `course-quiz` for a one-quiz package: the base of every identifier. */
	id: string;
	title: string;
	description?: string;
	/** The launch page, relative to the package root (`courses/ai-frameworks.html`). */
	launch: string;
	/** Every file of the package, relative to its root, `/`-separated. */
	files: readonly string[];
	/**
	 * Percent the learner needs to pass, for the LMS's own rule (SCORM's mastery score): given
	 * only when it agrees with the package's report, i.e. for a package of one quiz.
	 */
	passMark?: number;
	/** The package has quizzes, so it is passed or failed (cmi5's moveOn); else by `passMark`. */
	scored?: boolean;
	/** An IRI that names the course, for cmi5 (`https://…/ai-frameworks`). */
	iri: string;
}

/** An `xs:ID` made from an id: starts with a letter, then letters, digits, `-`, `_`, `.`. */
export const xmlId = (prefix: string, id: string) =>
	`${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;

/** A relative path as a manifest `href`: each segment percent-encoded, `/` kept. */
export const hrefOf = (path: string) => path.split('/').map(encodeURIComponent).join('/');

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The manifest file of `format`: its name at the package root, and its text. */
export function packageManifest(
	format: PackageFormat,
	info: PackageInfo
): { name: string; text: string } {
	if (info.files.some((f) => f.startsWith('/') || /^[a-z]+:/i.test(f)))
		throw new Error('package files must be relative paths');
	if (!info.files.includes(info.launch))
		throw new Error(`the launch page ${info.launch} is missing`);
	switch (format) {
		case 'scorm12':
			return { name: 'imsmanifest.xml', text: scorm12(info) };
		case 'scorm2004':
			return { name: 'imsmanifest.xml', text: scorm2004(info) };
		case 'cmi5':
			return { name: 'cmi5.xml', text: cmi5(info) };
	}
}

const fileList = (info: PackageInfo, indent: string) =>
	info.files.map((f) => `${indent}<file href="${xmlText(hrefOf(f))}"/>`).join('\n');

function scorm12(info: PackageInfo): string {
	const mastery =
		info.passMark === undefined
			? ''
			: `\n\t\t\t\t<adlcp:masteryscore>${Math.round(info.passMark)}</adlcp:masteryscore>`;
	return `${HEADER}<manifest identifier="${xmlId('coursekit', info.id)}" version="1.0"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
	</metadata>
	<organizations default="${xmlId('org', info.id)}">
		<organization identifier="${xmlId('org', info.id)}">
			<title>${xmlText(info.title)}</title>
			<item identifier="${xmlId('item', info.id)}" identifierref="${xmlId('sco', info.id)}">
				<title>${xmlText(info.title)}</title>${mastery}
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${xmlId('sco', info.id)}" type="webcontent" adlcp:scormtype="sco" href="${xmlText(hrefOf(info.launch))}">
${fileList(info, '\t\t\t')}
		</resource>
	</resources>
</manifest>
`;
}

function scorm2004(info: PackageInfo): string {
	// The pass mark becomes the sequencing's satisfied-by-measure objective (0–1).
	const objective =
		info.passMark === undefined
			? ''
			: `
				<imsss:sequencing>
					<imsss:objectives>
						<imsss:primaryObjective objectiveID="${xmlId('pass', info.id)}" satisfiedByMeasure="true">
							<imsss:minNormalizedMeasure>${(info.passMark / 100).toFixed(4)}</imsss:minNormalizedMeasure>
						</imsss:primaryObjective>
					</imsss:objectives>
				</imsss:sequencing>`;
	return `${HEADER}<manifest identifier="${xmlId('coursekit', info.id)}" version="1.0"
	xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
	xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
	xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
	xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>2004 4th Edition</schemaversion>
	</metadata>
	<organizations default="${xmlId('org', info.id)}">
		<organization identifier="${xmlId('org', info.id)}">
			<title>${xmlText(info.title)}</title>
			<item identifier="${xmlId('item', info.id)}" identifierref="${xmlId('sco', info.id)}">
				<title>${xmlText(info.title)}</title>${objective}
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${xmlId('sco', info.id)}" type="webcontent" adlcp:scormType="sco" href="${xmlText(hrefOf(info.launch))}">
${fileList(info, '\t\t\t')}
		</resource>
	</resources>
</manifest>
`;
}

/**
 * When a cmi5 AU moves on: completed, and passed when the package has quizzes. No masteryScore:
 * with one, cmi5 requires passed and failed to follow the score against it (10.0), but a
 * package passes when every quiz passes (report.ts), which a mean score cannot say (a 90% quiz
 * and a failed 50% one average above a 70% mark). The AU judges and sends the mean as its score.
 */
export function cmi5MoveOn(info: Pick<PackageInfo, 'passMark' | 'scored'>) {
	return (info.scored ?? info.passMark !== undefined) ? 'CompletedAndPassed' : 'Completed';
}

function cmi5(info: PackageInfo): string {
	const description = xmlText(info.description ?? info.title);
	return `${HEADER}<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
	<course id="${xmlText(info.iri)}">
		<title><langstring lang="en-US">${xmlText(info.title)}</langstring></title>
		<description><langstring lang="en-US">${description}</langstring></description>
	</course>
	<au id="${xmlText(`${info.iri}/au`)}" moveOn="${cmi5MoveOn(info)}" launchMethod="AnyWindow">
		<title><langstring lang="en-US">${xmlText(info.title)}</langstring></title>
		<description><langstring lang="en-US">${description}</langstring></description>
		<url>${xmlText(hrefOf(info.launch))}</url>
	</au>
</courseStructure>
`;
}
