-- Issue 13: the optional alt text column. Idempotent (it adds the column only where it is missing), so apply.sh runs it
-- at every start, after the procedures and before 004's grants, which name it. Optional for the pipeline: a catalog
-- without it keeps working (the updater writes the URL alone when the column is missing or CATALOG_ALT_TEXT_COLUMN is
-- empty, decision 0025). NVARCHAR(125): AltText's bound, what screen readers read in full.
IF COL_LENGTH(N'dbo.Products', N'ImageAltText') IS NULL
    ALTER TABLE dbo.Products ADD ImageAltText NVARCHAR(125) NULL;
GO
