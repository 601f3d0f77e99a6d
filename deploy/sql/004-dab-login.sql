-- Data API Builder's own SQL login, with only the rights its configuration (deploy/dab/dab-config.json) needs: DAB never
-- connects as sa. Run by deploy/sql/apply.sh at every start of the compose stack, after the procedures; the password
-- comes from the environment (sqlcmd reads environment variables as scripting variables: $(DAB_SQL_PASSWORD)), so a
-- changed DAB_SQL_PASSWORD takes effect at the next start. deploy-validation checks these grants against
-- dab-config.json: SELECT on each table entity, UPDATE on the columns an update permission names, EXECUTE on each
-- procedure entity; nothing else (no INSERT, DELETE, ALTER, CONTROL or role membership). Runs after
-- 005-image-alt-text.sql, which adds the ImageAltText column granted here, and 006-source-image-url.sql, whose
-- SourceImageUrl column is read only (covered by SELECT on the table).

IF SUSER_ID(N'catalog_dab') IS NULL
    CREATE LOGIN [catalog_dab] WITH PASSWORD = N'$(DAB_SQL_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [catalog_dab] WITH PASSWORD = N'$(DAB_SQL_PASSWORD)';
GO

IF DATABASE_PRINCIPAL_ID(N'catalog_dab') IS NULL
    CREATE USER [catalog_dab] FOR LOGIN [catalog_dab] WITH DEFAULT_SCHEMA = dbo;
GO

GRANT SELECT ON OBJECT::dbo.Products TO [catalog_dab];
GRANT UPDATE ON OBJECT::dbo.Products (ImageUrl, ImageAltText) TO [catalog_dab];
GRANT SELECT ON OBJECT::dbo.Categories TO [catalog_dab];
GRANT EXECUTE ON OBJECT::dbo.GetProducts TO [catalog_dab];
GRANT EXECUTE ON OBJECT::dbo.UpdateProductImageUrl TO [catalog_dab];
GRANT EXECUTE ON OBJECT::dbo.GetCategories TO [catalog_dab];
GRANT EXECUTE ON OBJECT::dbo.InsertProduct TO [catalog_dab];
GO
