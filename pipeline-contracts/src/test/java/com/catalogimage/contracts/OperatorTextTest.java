package com.catalogimage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorTextTest {

    @Test
    void aPromptLosesControlAndFormatCharactersAndKeepsItsLines() {
        assertThat(OperatorText.prompt("  A red\u0000 scarf\u202e\non white\r\n\tlinen  "))
                .isEqualTo("A red scarf\non white\r\n\tlinen");
    }

    @Test
    void blankOrMissingTextIsNone() {
        assertThat(OperatorText.prompt(null)).isNull();
        assertThat(OperatorText.prompt(" \u0007 \n")).isNull();
        assertThat(OperatorText.note("\u200b")).isNull();
    }

    @Test
    void aPromptIsBoundedWithoutSplittingACharacter() {
        assertThat(OperatorText.prompt("x".repeat(5_000))).hasSize(OperatorText.MAX_PROMPT);
        String emoji = "x".repeat(OperatorText.MAX_PROMPT - 1) + "\uD83D\uDE00";
        assertThat(OperatorText.prompt(emoji)).isEqualTo("x".repeat(OperatorText.MAX_PROMPT - 1));
    }

    @Test
    void aNoteIsOneBoundedLine() {
        assertThat(OperatorText.note("too dark\r\n\n  background\tgrey\u0085")).isEqualTo("too dark background grey");
        assertThat(OperatorText.note("n".repeat(900))).hasSize(OperatorText.MAX_NOTE);
    }
}
