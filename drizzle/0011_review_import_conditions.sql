CREATE TABLE `condition_fulfilments` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`org_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`position` integer NOT NULL,
	`condition_text` text NOT NULL,
	`note` text NOT NULL,
	`met_by` text NOT NULL,
	`met_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`met_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `condition_fulfilments_condition` ON `condition_fulfilments` (`assessment_id`,`version_number`,`position`);--> statement-breakpoint
ALTER TABLE `review_signals` ADD `changes` text;