package com.catalogimage.updater.alttext;

import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.updater.support.SeedCatalogDab;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Table mode against a catalog without the column: DAB's 400 for the unknown PATCH field. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@WithTestResource(SeedCatalogDab.class)
@TestProfile(AltTextTableModeTest.WithColumn.class)
class MissingColumnTableModeTest extends MissingColumnContract {

    @Override
    String urlOnlyBody(long id, String url) {
        return "{\"ImageUrl\":\"" + url + "\"}";
    }
}
