CREATE TABLE `notification_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`org_id` text NOT NULL,
	`assessment_id` text,
	`event` text NOT NULL,
	`delivery` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `notification_outbox` (`status`,`delivery`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_org` ON `notification_outbox` (`org_id`,`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `notify_mode` text DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_digest_on` text;