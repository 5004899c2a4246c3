/**
 * Text as XML character data or an attribute value, for every file Coursekit writes in XML
 * (LMS manifests, Moodle XML, QTI 3).
 */
export const xmlText = (text: string) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		// Control characters other than tab and line breaks are not allowed in XML 1.0 at all.
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
