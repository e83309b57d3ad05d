ALTER TABLE `assessments` ADD `project_lead_id` text REFERENCES users(id);--> statement-breakpoint
-- Until someone is named, the DPIA is carried out by whoever created it.
UPDATE `assessments` SET `project_lead_id` = `created_by`;
