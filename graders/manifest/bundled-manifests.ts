/**
 * Lab manifests compiled into the learner's single-file grader, keyed by their path in the repository
 * (`labs/lab1/manifest.yaml`). Empty here: a checkout and the npm package read the YAML files. The build of
 * the learner's grader (scripts/build-learner-grader.ts) replaces this module with one that holds every
 * `labs/<id>/manifest.yaml`, because a bundle downloaded on its own has no `labs/` folder beside it.
 */
export const bundledManifests: Readonly<Record<string, string>> = {};
