-- The seed's catalog: Categories first, since Products references it. Applied once, to an empty database, by
-- deploy/sql/apply.sh (compose's sql-init service). Plain T-SQL; deploy-validation also runs it on H2 in SQL Server mode.
CREATE TABLE dbo.Categories (
    CategoryID INT IDENTITY(1,1) PRIMARY KEY,
    CategoryName NVARCHAR(100) NOT NULL
);
GO

CREATE TABLE dbo.Products (
    Id INT IDENTITY(1,1) PRIMARY KEY,
    ProductName NVARCHAR(255) NOT NULL,
    Description NVARCHAR(1000) NOT NULL,
    CategoryID INT NOT NULL, -- Foreign key to Categories table
    Tags NVARCHAR(MAX) NULL,
    Price DECIMAL(10, 2) NOT NULL,
    ImageUrl NVARCHAR(1000) NOT NULL,
    CreatedAt DATETIME2 DEFAULT SYSDATETIME(),
    CONSTRAINT FK_Products_Categories FOREIGN KEY (CategoryID)
        REFERENCES dbo.Categories(CategoryID)
);
GO
