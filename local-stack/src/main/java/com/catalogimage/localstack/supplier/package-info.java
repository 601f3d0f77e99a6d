/**
 * A local "supplier CDN" ({@link com.catalogimage.localstack.supplier.SupplierPhotos}): where the sample catalog's
 * {@code SourceImageUrl}s (reference photos for {@code /images/edits}) and its few supplier-hosted {@code ImageUrl}s
 * (poor supplier photos, the restyle demo) point. {@code LocalStack} starts it on its own port (8091 by default; a free
 * one in tests) and hands its base URL to the DAB emulator, so the sample rows carry absolute URLs with the real port.
 *
 * <h2>Routes (GET and HEAD)</h2>
 * <pre>
 * /photos/{productId}.png | .jpg | .jpeg   a deterministic product shot (768x768 by default, image/png or image/jpeg);
 *                                          404 text/plain for an id outside 1..maxProductId or one removed with
 *                                          SupplierPhotos.remove(id)
 * /redirect?to=&lt;url&gt;[&amp;status=301|302|307|308]   a redirect (302 by default) to any URL, for "redirect elsewhere"
 * /large.png[?chunked=true]                 a PNG signature then zeros, Options.largeBytes long (30 MiB by default),
 *                                          streamed; with Content-Length, or chunked without one
 * /slow.png[?ms=&lt;millis&gt;]                 a photo after Options.slowDelay (5 s by default), for fetch timeouts
 * /not-an-image.png                         200 text/html, for "not png/jpeg whatever the name says"
 * /status/{code}[.png]                      that status with a text body (404, 500, 503...: refused vs transient)
 * </pre>
 * Anything else is a 404. {@code SupplierPhotos.requests(path)} counts requests per path (e.g. to show a fetcher did
 * not follow a redirect); {@code SupplierPhotos.photo(id, ext)} gives the bytes a route serves, so a test can compare
 * them with the sha-256 the image emulator recorded for an edit.
 *
 * <h2>Simplifications</h2>
 * <ul>
 *   <li>Photos are drawn shapes on a studio backdrop, not photographs; the same URL always gives the same bytes.</li>
 *   <li>No authentication, no range requests, no conditional GETs; a cache header only.</li>
 * </ul>
 */
package com.catalogimage.localstack.supplier;
