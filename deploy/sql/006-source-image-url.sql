-- Issue 14: the optional reference photo column, a product's supplier photo that /images/edits keeps the product
-- true to. Idempotent (it adds the column only where it is missing), so apply.sh runs it at every start, after 005
-- and before 004's grants. Read-only for the pipeline: DAB's read permission exposes it with the other columns
-- (004 grants SELECT on the table); nothing writes it but the catalog's owners. Optional: a catalog without it keeps
-- working (the scanner reads it only where CATALOG_SOURCE_IMAGE_COLUMN names it). NVARCHAR(1000), as ImageUrl.
IF COL_LENGTH(N'dbo.Products', N'SourceImageUrl') IS NULL
    ALTER TABLE dbo.Products ADD SourceImageUrl NVARCHAR(1000) NULL;
GO
