package com.catalogimage.chat;

import com.catalogimage.contracts.FailureClass;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;

/**
 * What a chat call threw, as a {@link ChatException} whose class comes from the one table of Azure OpenAI's errors
 * ({@link AzureOpenAiErrors}) and whose message is safe to log (status, code and Azure's message only).
 */
final class ChatFailures {

    private static final int MAX_MESSAGE = 300;

    private ChatFailures() {
    }

    /** Classifies what a chat call threw, with a message safe to log (status, code and Azure's message only). */
    static ChatException classify(Throwable failure) {
        if (failure instanceof ChatException chat) {
            return chat;
        }
        if (failure instanceof OpenAIServiceException service) {
            AzureOpenAiErrors.ErrorBody body = AzureOpenAiErrors.body(service);
            FailureClass failureClass = AzureOpenAiErrors.classify(service.statusCode(), body.code(), body.innerCode(),
                    body.message());
            return new ChatException(failureClass, "chat model answered " + service.statusCode()
                    + (body.code() == null ? "" : " " + body.code())
                    + (body.message() == null ? "" : ": " + bounded(body.message())), failure);
        }
        if (failure instanceof OpenAIInvalidDataException) {
            return new ChatException(FailureClass.INVALID_REQUEST, "the chat model's answer could not be read: "
                    + bounded(failure.getMessage()), failure);
        }
        if (AzureOpenAiErrors.isIdentityFailure(failure)) {
            return new ChatException(FailureClass.CONFIGURATION, "no Entra ID token for the chat deployment: "
                    + bounded(failure.getMessage()), failure);
        }
        // I/O failures and timeouts (OpenAIIoException) and anything unforeseen: bounded retries decide
        return new ChatException(FailureClass.TRANSIENT, "chat call failed: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + bounded(failure.getMessage())), failure);
    }

    private static String bounded(String message) {
        if (message == null) {
            return "";
        }
        String line = message.replaceAll("[\\p{Cc}\\p{Cf}]+", " ").strip();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
    }
}
