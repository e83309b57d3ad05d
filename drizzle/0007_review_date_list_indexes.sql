DROP INDEX `assessments_org`;--> statement-breakpoint
ALTER TABLE `assessments` ADD `review_date` text;--> statement-breakpoint
CREATE INDEX `assessments_org_updated` ON `assessments` (`org_id`,`archived_at`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `assessments_org_lead` ON `assessments` (`org_id`,`project_lead_id`,`archived_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `assessments_org_review` ON `assessments` (`org_id`,`review_date`);--> statement-breakpoint
-- The review date of each analysis already decided: the one its latest decision set.
UPDATE `assessments` SET `review_date` = (
	SELECT json_extract(s.`details`, '$.reviewDate') FROM `signatures` s
	WHERE s.`assessment_id` = `assessments`.`id` AND s.`kind` = 'decision'
	ORDER BY s.`signed_at` DESC LIMIT 1
);
