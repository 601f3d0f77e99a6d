-- The stored procedures Data API Builder exposes (deploy/dab/dab-config.json). CREATE OR ALTER: re-applied at every
-- start of the compose stack. GetProducts and UpdateProductImageUrl are the seed's; GetCategories and InsertProduct are
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

CREATE OR ALTER PROCEDURE dbo.UpdateProductImageUrl
    @ProductID INT,
    @ImageUrl NVARCHAR(2000)
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT EXISTS (SELECT 1 FROM dbo.Products WHERE Id = @ProductID)
    BEGIN
        RAISERROR('Product not found.', 16, 1);
        RETURN;
    END
    UPDATE dbo.Products
    SET ImageUrl = @ImageUrl
    WHERE Id = @ProductID;
    SELECT 'success' AS Status, @ProductID AS ProductID, @ImageUrl AS ImageUrl;
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
