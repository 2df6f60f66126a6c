/**
 * Entry point of the learner's single-file grader (`node sre-lab-<version>.mjs check lab1`), built by
 * scripts/build-learner-grader.ts and published by the course site.
 */
import { learnerMain } from './learner-main.ts';

// The AWS SDK warns on Node < 22 that its *future* releases will need Node 22. The SDK inside this file
// never changes, and AWS CloudShell runs Node 20, so the notice would only alarm learners. A learner who
// wants it back sets the variable to anything else.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await learnerMain(process.argv.slice(2));
