-- "Tellen en vertellen" with the outcome words of the seeds (issue 17). Keep in step with sqlite/.
-- Comma-separated codes: erkend, verbonden, opgelucht, van-betekenis.
ALTER TABLE coalition_notes ADD COLUMN outcomes TEXT NOT NULL DEFAULT '';
