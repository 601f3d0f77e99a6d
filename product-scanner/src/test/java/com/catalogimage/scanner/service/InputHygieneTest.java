package com.catalogimage.scanner.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.scanner.config.ScannerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputHygieneTest {

    private final InputHygiene hygiene = new InputHygiene(new ScannerConfig.Hygiene() {
        @Override
        public int minDescriptionWords() {
            return 4;
        }

        @Override
        public List<String> vagueDescriptions() {
            return List.of("n/a", "nice product", "good quality item");
        }
    });

    @Test
    void aRealDescriptionPasses() {
        assertThat(hygiene.problem(product("Chocolate Bar", "Rich milk chocolate bar, perfect for snacking."))).isEmpty();
    }

    @Test
    void emptyAndBlankDescriptionsAreEmpty() {
        assertThat(hygiene.problem(product("Mug", ""))).contains(ReasonCode.EMPTY_DESCRIPTION);
        assertThat(hygiene.problem(product("Mug", " \t\u200b "))).contains(ReasonCode.EMPTY_DESCRIPTION);
        assertThat(hygiene.problem(product("Mug", null))).contains(ReasonCode.EMPTY_DESCRIPTION);
        assertThat(hygiene.problem(product("Mug", "<p> </p>"))).contains(ReasonCode.EMPTY_DESCRIPTION);
    }

    @Test
    void vagueDescriptionsAreVague() {
        assertThat(hygiene.problem(product("Mug", "N/A"))).contains(ReasonCode.VAGUE_DESCRIPTION);
        assertThat(hygiene.problem(product("Mug", "Nice product!"))).contains(ReasonCode.VAGUE_DESCRIPTION);
        assertThat(hygiene.problem(product("Mug", "Good quality item."))).contains(ReasonCode.VAGUE_DESCRIPTION);
        assertThat(hygiene.problem(product("Mug", "Blue mug"))).as("too few words").contains(ReasonCode.VAGUE_DESCRIPTION);
        assertThat(hygiene.problem(product("Ceramic Coffee Mug", "ceramic coffee mug"))).as("just the name again")
                .contains(ReasonCode.VAGUE_DESCRIPTION);
    }

    @Test
    void otherScriptsCountAsWords() {
        assertThat(hygiene.problem(product("Чайник", "Электрический чайник из нержавеющей стали, 1,7 литра."))).isEmpty();
        assertThat(hygiene.problem(product("抹茶チョコレート", "宇治抹茶を使用した濃厚なホワイトチョコレート。個包装12個入り。")))
                .as("Japanese has no spaces between words").isEmpty();
        assertThat(hygiene.problem(product("お茶", "お茶"))).contains(ReasonCode.VAGUE_DESCRIPTION);
    }

    @Test
    void fingerprintsIgnoreCaseSpacingAndPunctuation() {
        assertThat(hygiene.fingerprint(product("Blue  Denim Jeans", "Pair of blue denim jeans.")))
                .isEqualTo(hygiene.fingerprint(product("blue denim jeans", "Pair of Blue Denim Jeans")));
        assertThat(hygiene.fingerprint(product("Blue Denim Jeans", "Pair of blue denim jeans.")))
                .isNotEqualTo(hygiene.fingerprint(product("Black Denim Jeans", "Pair of blue denim jeans.")));
    }

    private static Product product(String name, String description) {
        return new Product(1, name, description, 1, "Clothing", null);
    }
}
