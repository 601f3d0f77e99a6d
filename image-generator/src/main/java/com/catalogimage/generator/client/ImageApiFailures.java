package com.catalogimage.generator.client;

import com.catalogimage.chat.AzureOpenAiErrors;
import com.catalogimage.contracts.FailureClass;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;

/**
 * Maps what the Azure image API answers onto the pipeline's shared {@link FailureClass}: the HTTP answers by the one
 * table of Azure OpenAI's errors ({@link AzureOpenAiErrors}, shared with the chat client), plus what only an image call
 * can meet (an answer that is not an images response). Retries, pausing and dead-lettering follow the class's action.
 */
public final class ImageApiFailures {

    private ImageApiFailures() {
    }

    /** Classifies anything the image API call threw. */
    public static FailureClass classify(Throwable failure) {
        if (failure instanceof OpenAIServiceException service) {
            return AzureOpenAiErrors.classify(service);
        }
        if (failure instanceof OpenAIInvalidDataException) {
            return FailureClass.INVALID_IMAGE; // the answer could not even be read as an images response
        }
        if (AzureOpenAiErrors.isIdentityFailure(failure)) {
            return FailureClass.CONFIGURATION; // no token (no managed identity, a wrong client id): no call can succeed
        }
        return FailureClass.TRANSIENT; // I/O failures (OpenAIIoException) and anything unforeseen: bounded retries decide
    }

    /** Classifies an HTTP answer by status, {@code error.code}, {@code error.inner_error.code} and message. */
    public static FailureClass classify(int status, String code, String innerCode, String message) {
        return AzureOpenAiErrors.classify(status, code, innerCode, message);
    }
}
