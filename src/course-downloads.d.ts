/** Written by src/integrations/course-downloads.ts: the files the site publishes for learners. */
declare module 'virtual:course-downloads' {
	const downloads: readonly import('../scripts/course-downloads.ts').CourseDownloadInfo[];
	export default downloads;
}
