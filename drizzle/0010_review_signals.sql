CREATE TABLE `review_signals` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`org_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`kind` text NOT NULL,
	`severity` integer,
	`detail` text NOT NULL,
	`raises_review` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`taken_up_in` integer,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_signals_assessment` ON `review_signals` (`assessment_id`,`taken_up_in`);