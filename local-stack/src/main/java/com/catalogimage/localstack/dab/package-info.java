/**
 * An emulator of Microsoft Data API Builder (DAB 1.x) REST over the seed's catalog schema, for tests and local runs.
 * Start it with {@link com.catalogimage.localstack.dab.DabEmulator#start}.
 *
 * <h2>Dialect served (under {@code /api} and {@code /rest})</h2>
 * <ul>
 *   <li>{@code GET /api/Products} and {@code /api/Categories}: {@code {"value":[…],"nextLink":"…$after=…"}};
 *       {@code $filter} ({@code eq ne gt ge lt le and or not ( ) null true false}, no functions), {@code $select},
 *       {@code $orderby}, {@code $first} (default 100, -1 = 100000), {@code $after} (base64 JSON keyset cursor of
 *       the sort columns plus the key, as DAB writes it). Unknown query options are a 400.</li>
 *   <li>{@code GET /api/Products/Id/5}: {@code {"value":[row]}}, or {@code {"value":[]}} when missing.</li>
 *   <li>{@code POST /api/Products} → 201 + Location; {@code PUT|PATCH /api/Products/Id/5} → 200, update-only with
 *       {@code If-Match: *} (missing → 404), else an upsert whose insert branch fails as on SQL Server (identity key:
 *       400 DatabaseOperationFailed); {@code DELETE} → 204 (missing → 404).</li>
 *   <li>Stored procedures {@code GetProducts} (GET, {@code ProductID} default -1), {@code GetCategories} (GET),
 *       {@code UpdateProductImageUrl} (POST → 201, conditional as deploy/sql's: writes only a product without an
 *       image, or with the optional {@code ExpectedImageUrl} only one still holding that URL, answers {@code Status, RowsAffected, ProductID, ImageUrl}; unknown product → 400 DatabaseOperationFailed
 *       "Product not found."), {@code InsertProduct} (POST → 201 with the inserted Products row).</li>
 *   <li>Errors: {@code {"error":{"code","message","status"}}}; wrong method 405 (code BadRequest), unknown entity 404
 *       EntityNotFound, missing/invalid/expired bearer 401 AuthenticationChallenge, wrong {@code X-MS-API-ROLE} 403
 *       AuthorizationCheckFailed.</li>
 * </ul>
 *
 * <h2>Entra ID</h2>
 * With a token lifetime ({@code Options.withTokenLifetime}) the emulator also serves a managed-identity endpoint
 * ({@link com.catalogimage.localstack.dab.EntraTokens}) and accepts only its own unexpired tokens.
 *
 * <h2>Test-only</h2>
 * {@code /admin/products}, {@code /admin/faults}, {@code /admin/stats} (see {@link
 * com.catalogimage.localstack.dab.DabAdminHandler}); the same through {@link
 * com.catalogimage.localstack.dab.DabEmulator#faults()} and {@link com.catalogimage.localstack.dab.DabEmulator#stats()}.
 *
 * <h2>Known differences from DAB</h2>
 * No GraphQL, no OpenAPI document, no OData functions ({@code contains}, {@code startswith}…), no ETags beyond
 * {@code If-Match: *}, single-column keys only, no column-level permissions or database policies, and messages for
 * database errors are SQL Server's wording rather than DAB's production-mode generic text.
 */
package com.catalogimage.localstack.dab;
