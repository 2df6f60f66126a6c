/**
 * The gradebook's tables. Each entry of `migrations` moves the database one version forward; the
 * version reached is kept in `PRAGMA user_version`, so an older gradebook is upgraded in place.
 *
 * Vocabulary: a *run* grades some labs for the accounts of a cohort; within it an *account grading*
 * is what happened to one learner's account (graded, or an error such as a role that cannot be
 * assumed); an *attempt* is one lab's result from that grading, with its *check results*. The
 * *evidence* is the redacted snapshot the attempts were evaluated from; a regrade evaluates the same
 * evidence again and its attempts supersede the earlier ones (see the `current_attempts` view).
 */
export const migrations: readonly string[] = [
	`
	CREATE TABLE cohorts (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL UNIQUE,
		created_at TEXT NOT NULL
	);

	CREATE TABLE learners (
		id INTEGER PRIMARY KEY,
		cohort_id INTEGER NOT NULL REFERENCES cohorts(id),
		learner_key TEXT NOT NULL,
		name TEXT NOT NULL,
		email TEXT NOT NULL,
		account_id TEXT NOT NULL,
		updated_at TEXT NOT NULL,
		UNIQUE (cohort_id, learner_key)
	);

	CREATE TABLE runs (
		id INTEGER PRIMARY KEY,
		cohort_id INTEGER NOT NULL REFERENCES cohorts(id),
		kind TEXT NOT NULL CHECK (kind IN ('grade', 'regrade')),
		labs TEXT NOT NULL,
		source_run_id INTEGER REFERENCES runs(id),
		settings TEXT NOT NULL,
		planned_accounts INTEGER NOT NULL,
		started_at TEXT NOT NULL,
		finished_at TEXT
	);

	CREATE TABLE evidence (
		id INTEGER PRIMARY KEY,
		learner_id INTEGER NOT NULL REFERENCES learners(id),
		account_id TEXT,
		region TEXT NOT NULL,
		collected_at TEXT NOT NULL,
		encoding TEXT NOT NULL CHECK (encoding = 'json+gzip'),
		sha256 TEXT NOT NULL,
		json_bytes INTEGER NOT NULL,
		snapshot BLOB NOT NULL
	);

	CREATE TABLE account_gradings (
		id INTEGER PRIMARY KEY,
		run_id INTEGER NOT NULL REFERENCES runs(id),
		learner_id INTEGER NOT NULL REFERENCES learners(id),
		account_id TEXT NOT NULL,
		region TEXT NOT NULL,
		status TEXT NOT NULL CHECK (status IN ('graded', 'error')),
		error_kind TEXT,
		error_message TEXT,
		evidence_id INTEGER REFERENCES evidence(id),
		started_at TEXT NOT NULL,
		finished_at TEXT NOT NULL,
		duration_ms INTEGER NOT NULL,
		UNIQUE (run_id, learner_id)
	);

	CREATE TABLE attempts (
		id INTEGER PRIMARY KEY,
		grading_id INTEGER NOT NULL REFERENCES account_gradings(id),
		run_id INTEGER NOT NULL REFERENCES runs(id),
		learner_id INTEGER NOT NULL REFERENCES learners(id),
		lab TEXT NOT NULL,
		title TEXT NOT NULL,
		outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'error')),
		score REAL NOT NULL,
		max_score REAL NOT NULL,
		message TEXT,
		collected_at TEXT,
		graded_at TEXT NOT NULL,
		evidence_id INTEGER REFERENCES evidence(id),
		UNIQUE (run_id, learner_id, lab)
	);
	CREATE INDEX attempts_by_learner_lab ON attempts (learner_id, lab);
	CREATE INDEX attempts_by_evidence ON attempts (evidence_id, lab);

	CREATE TABLE check_results (
		attempt_id INTEGER NOT NULL REFERENCES attempts(id),
		position INTEGER NOT NULL,
		check_id TEXT NOT NULL,
		title TEXT NOT NULL,
		step INTEGER NOT NULL,
		points REAL NOT NULL,
		earned REAL NOT NULL,
		status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error', 'skipped')),
		message TEXT NOT NULL,
		hint TEXT,
		evidence TEXT NOT NULL,
		PRIMARY KEY (attempt_id, check_id)
	);

	CREATE TABLE quiz_results (
		id INTEGER PRIMARY KEY,
		learner_id INTEGER NOT NULL REFERENCES learners(id),
		quiz_id TEXT NOT NULL,
		score REAL NOT NULL,
		max_score REAL NOT NULL,
		completed_at TEXT NOT NULL,
		imported_at TEXT NOT NULL,
		source TEXT NOT NULL,
		UNIQUE (learner_id, quiz_id, completed_at)
	);

	-- An attempt stops counting once the same evidence has been evaluated again (regrade), so a
	-- grader fix corrects history instead of adding to it. Attempts without evidence (errors) stay.
	CREATE VIEW current_attempts AS
		SELECT a.* FROM attempts a
		WHERE a.evidence_id IS NULL
			OR a.id = (SELECT MAX(b.id) FROM attempts b WHERE b.evidence_id = a.evidence_id AND b.lab = a.lab);

	-- The account state observed last, per learner and lab.
	CREATE VIEW latest_attempts AS
		SELECT * FROM (
			SELECT c.*, ROW_NUMBER() OVER (
				PARTITION BY c.learner_id, c.lab ORDER BY COALESCE(c.collected_at, c.graded_at) DESC, c.id DESC
			) AS rank_in_lab
			FROM current_attempts c
		) WHERE rank_in_lab = 1;

	-- The highest score per learner and lab; among equal scores a pass, then the earliest.
	CREATE VIEW best_attempts AS
		SELECT * FROM (
			SELECT c.*, ROW_NUMBER() OVER (
				PARTITION BY c.learner_id, c.lab
				ORDER BY CASE WHEN c.max_score > 0 THEN c.score / c.max_score ELSE 0 END DESC,
					c.outcome = 'pass' DESC, COALESCE(c.collected_at, c.graded_at) ASC, c.id ASC
			) AS rank_in_lab
			FROM current_attempts c
		) WHERE rank_in_lab = 1;

	-- When the account was first seen passing: the collection time, not the (re)grading time.
	CREATE VIEW first_passes AS
		SELECT learner_id, lab, MIN(COALESCE(collected_at, graded_at)) AS first_passed_at
		FROM current_attempts WHERE outcome = 'pass'
		GROUP BY learner_id, lab;

	-- The best score per learner and quiz, with when that score was first reached.
	CREATE VIEW best_quiz_results AS
		SELECT * FROM (
			SELECT q.*, ROW_NUMBER() OVER (
				PARTITION BY q.learner_id, q.quiz_id
				ORDER BY CASE WHEN q.max_score > 0 THEN q.score / q.max_score ELSE 0 END DESC, q.completed_at ASC
			) AS rank_in_quiz
			FROM quiz_results q
		) WHERE rank_in_quiz = 1;
	`,
	`
	-- Who is working on what (run-lock.ts): one row per held lock, e.g. run:12 while a process
	-- grades run 12. A row whose process died is taken over (same host and pid gone, or heartbeat old).
	CREATE TABLE locks (
		name TEXT PRIMARY KEY,
		owner TEXT NOT NULL,
		pid INTEGER NOT NULL,
		hostname TEXT NOT NULL,
		started_at TEXT NOT NULL,
		heartbeat_at TEXT NOT NULL
	);
	`,
];
