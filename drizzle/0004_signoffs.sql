CREATE TABLE `assessment_versions` (
	`assessment_id` text NOT NULL,
	`number` integer NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`frozen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`frozen_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`frozen_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessment_versions_hash" CHECK(length("assessment_versions"."content_hash") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_versions_pk` ON `assessment_versions` (`assessment_id`,`number`);--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_codes_code_hash_unique` ON `recovery_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `recovery_codes_user` ON `recovery_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`kind` text NOT NULL,
	`extra_key` text,
	`verdict` text,
	`body` text NOT NULL,
	`details` text,
	`signer_id` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_role` text NOT NULL,
	`signed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`content_hash` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "signatures_hash" CHECK(length("signatures"."content_hash") = 64),
	CONSTRAINT "signatures_body_length" CHECK(length("signatures"."body") <= 10000),
	CONSTRAINT "signatures_verdict" CHECK(("signatures"."kind" = 'decision' AND "signatures"."verdict" IN ('approve', 'approve_with_conditions', 'reject', 'refer_cnil'))
			OR ("signatures"."kind" = 'data_subjects_waiver' AND "signatures"."verdict" IS NULL)
			OR ("signatures"."kind" IN ('dpo', 'security', 'data_subjects', 'extra') AND "signatures"."verdict" IN ('favourable', 'reservations', 'unfavourable'))),
	CONSTRAINT "signatures_extra_key" CHECK(("signatures"."kind" = 'extra') = ("signatures"."extra_key" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `signatures_assessment` ON `signatures` (`assessment_id`,`version_number`,`signed_at`);--> statement-breakpoint
ALTER TABLE `assessments` ADD `version_number` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_enabled_at` text;--> statement-breakpoint
-- Signatures and frozen versions are evidence, like the audit trail: append-only.
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
BEGIN
	SELECT RAISE(ABORT, 'signatures are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN
	SELECT RAISE(ABORT, 'signatures are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER assessment_versions_no_update BEFORE UPDATE ON assessment_versions
BEGIN
	SELECT RAISE(ABORT, 'assessment_versions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER assessment_versions_no_delete BEFORE DELETE ON assessment_versions
BEGIN
	SELECT RAISE(ABORT, 'assessment_versions are append-only');
END;
