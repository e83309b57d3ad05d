CREATE TABLE `security_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`title` text NOT NULL,
	`severity` integer NOT NULL,
	`asset` text NOT NULL,
	`evidence` text NOT NULL,
	`recommendation` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`risk_ids` text DEFAULT '[]' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "security_findings_title_length" CHECK(length("security_findings"."title") BETWEEN 1 AND 200),
	CONSTRAINT "security_findings_severity" CHECK("security_findings"."severity" BETWEEN 1 AND 4),
	CONSTRAINT "security_findings_asset_length" CHECK(length("security_findings"."asset") <= 200),
	CONSTRAINT "security_findings_evidence_length" CHECK(length("security_findings"."evidence") <= 5000),
	CONSTRAINT "security_findings_recommendation_length" CHECK(length("security_findings"."recommendation") <= 5000),
	CONSTRAINT "security_findings_status" CHECK("security_findings"."status" IN ('open', 'in_progress', 'resolved', 'accepted'))
);
--> statement-breakpoint
CREATE INDEX `security_findings_assessment` ON `security_findings` (`assessment_id`,`created_at`);