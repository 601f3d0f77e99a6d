-- The stored procedures Data API Builder exposes (deploy/dab/dab-config.json). CREATE OR ALTER: re-applied at every
-- start of the compose stack. GetProducts and UpdateProductImageUrl are the seed's
-- (UpdateProductImageUrl made conditional, decision 0017); GetCategories and InsertProduct are
-- named by the seed's DAB configuration and written here.

CREATE OR ALTER PROCEDURE dbo.GetProducts
    @ProductID INT = -1
AS
BEGIN
    SET NOCOUNT ON;
    IF @ProductID = -1
    BEGIN
        SELECT p.Id AS ProductID, ProductName, [Description], c.CategoryID, Tags, Price, ImageUrl, CreatedAt,
               c.CategoryName
        FROM dbo.Products p
        INNER JOIN dbo.Categories c ON p.CategoryID = c.CategoryID;
    END
    ELSE
    BEGIN
        SELECT p.Id AS ProductID, ProductName, [Description], c.CategoryID, Tags, Price, ImageUrl, CreatedAt,
               c.CategoryName
        FROM dbo.Products p
        INNER JOIN dbo.Categories c ON p.CategoryID = c.CategoryID
        WHERE p.Id = @ProductID;
    END
END;
GO

-- Conditional since decision 0017: it writes only where the product has no image yet (NULL, '' or blanks), in one
-- statement, so two updaters, or an updater and a person editing the product, cannot both win. The result set says
-- what happened: RowsAffected 1 = written now, 0 = not written, with the ImageUrl the product holds (ours already: a
-- redelivery; another: someone else wrote first, which is kept). An unknown product is still the seed's RAISERROR.
-- @ImageAltText (decision 0025, optional, NULL by default): written in the same conditional statement as the URL, so it
-- never lands on a product that kept another image; NULL leaves the column as it is. The column is optional too
-- (005-image-alt-text.sql): the statement that names it is dynamic SQL, compiled only where the column exists, so this
-- procedure can be created, and runs, on a catalog without it (the alt text is then dropped).
-- @ExpectedImageUrl (decision 0031, optional, NULL by default): a restyle's original. Set, the condition is "the product
-- still holds exactly this URL" instead of "the product has no image", in the same single statement: a restyle replaces
-- the image it was made from and nothing else (RowsAffected 0, with the ImageUrl now, when someone changed it).
CREATE OR ALTER PROCEDURE dbo.UpdateProductImageUrl
    @ProductID INT,
    @ImageUrl NVARCHAR(2000),
    @ImageAltText NVARCHAR(125) = NULL,
    @ExpectedImageUrl NVARCHAR(2000) = NULL
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @RowsAffected INT;
    IF @ImageAltText IS NOT NULL AND COL_LENGTH(N'dbo.Products', N'ImageAltText') IS NOT NULL
    BEGIN
        EXEC sp_executesql
            N'UPDATE dbo.Products
              SET ImageUrl = @ImageUrl, ImageAltText = @ImageAltText
              WHERE Id = @ProductID AND (@ExpectedImageUrl IS NULL AND (ImageUrl IS NULL OR LTRIM(RTRIM(ImageUrl)) = N'''')
                                         OR ImageUrl = @ExpectedImageUrl);
              SET @RowsAffected = @@ROWCOUNT;',
            N'@ProductID INT, @ImageUrl NVARCHAR(2000), @ImageAltText NVARCHAR(125), @ExpectedImageUrl NVARCHAR(2000),
              @RowsAffected INT OUTPUT',
            @ProductID = @ProductID, @ImageUrl = @ImageUrl, @ImageAltText = @ImageAltText,
            @ExpectedImageUrl = @ExpectedImageUrl, @RowsAffected = @RowsAffected OUTPUT;
    END
    ELSE
    BEGIN
        UPDATE dbo.Products
        SET ImageUrl = @ImageUrl
        WHERE Id = @ProductID AND (@ExpectedImageUrl IS NULL AND (ImageUrl IS NULL OR LTRIM(RTRIM(ImageUrl)) = N'')
                                   OR ImageUrl = @ExpectedImageUrl);
        SET @RowsAffected = @@ROWCOUNT;
    END
    IF @RowsAffected = 0 AND NOT EXISTS (SELECT 1 FROM dbo.Products WHERE Id = @ProductID)
    BEGIN
        RAISERROR('Product not found.', 16, 1);
        RETURN;
    END
    SELECT CASE WHEN @RowsAffected = 1 THEN 'success' ELSE 'unchanged' END AS Status, @RowsAffected AS RowsAffected,
           Id AS ProductID, ImageUrl
    FROM dbo.Products
    WHERE Id = @ProductID;
END;
GO

CREATE OR ALTER PROCEDURE dbo.GetCategories
AS
BEGIN
    SET NOCOUNT ON;
    SELECT CategoryID, CategoryName
    FROM dbo.Categories
    ORDER BY CategoryID;
END;
GO

CREATE OR ALTER PROCEDURE dbo.InsertProduct
    @ProductName NVARCHAR(255),
    @Description NVARCHAR(1000),
    @CategoryID INT,
    @Tags NVARCHAR(MAX) = NULL,
    @Price DECIMAL(10, 2),
    @ImageUrl NVARCHAR(1000) = N''
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT EXISTS (SELECT 1 FROM dbo.Categories WHERE CategoryID = @CategoryID)
    BEGIN
        RAISERROR('Category not found.', 16, 1);
        RETURN;
    END
    INSERT INTO dbo.Products (ProductName, [Description], CategoryID, Tags, Price, ImageUrl)
    VALUES (@ProductName, @Description, @CategoryID, @Tags, @Price, COALESCE(@ImageUrl, N''));
    SELECT p.Id AS ProductID, ProductName, [Description], CategoryID, Tags, Price, ImageUrl, CreatedAt
    FROM dbo.Products p
    WHERE p.Id = CAST(SCOPE_IDENTITY() AS INT);
END;
GO
