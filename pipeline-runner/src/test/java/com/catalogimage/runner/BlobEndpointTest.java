package com.catalogimage.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public base the runner gives the updater (IMAGE_BASE_URL) when storage is named by a connection string. */
class BlobEndpointTest {

    @Test
    void anExplicitBlobEndpointWins() {
        assertThat(PipelineRunner.blobEndpoint("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=k;"
                + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
    }

    @Test
    void otherwiseTheAccountsDefaultEndpoint() {
        assertThat(PipelineRunner.blobEndpoint("DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=k;"
                + "EndpointSuffix=core.windows.net")).isEqualTo("https://shop.blob.core.windows.net");
        assertThat(PipelineRunner.blobEndpoint("AccountName=shop;AccountKey=k")).isEqualTo("https://shop.blob.core.windows.net");
    }

    @Test
    void nothingToGoOn() {
        assertThat(PipelineRunner.blobEndpoint(null)).isNull();
        assertThat(PipelineRunner.blobEndpoint("SharedAccessSignature=sv=1")).isNull();
    }
}
