package io.mlconnector.core.sync.alignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Acme Concrete LLC|acme concrete",
        "ACME  concrete, Inc.|acme concrete",
        "The Acme Concrete Co., Inc.|acme concrete",
        "Acme Concrete L.L.C.|acme concrete",
        "Smith & Sons Ltd|smith and sons",
        "Société Générale S.A.|societe generale",
        "  Baker-Electric  |baker electric",
        "Inc|inc",
        "The|the"
    })
    void normalize_foldsCasePunctuationWhitespaceAndSuffixes(String in, String expected) {
        assertThat(NameNormalizer.normalize(in)).isEqualTo(expected);
    }

    @Test
    void normalize_blankAndNull_areEmpty() {
        assertThat(NameNormalizer.normalize(null)).isEmpty();
        assertThat(NameNormalizer.normalize(" .,; ")).isEmpty();
    }

    @Test
    void normalizeCode_keepsLettersAndDigitsOnly() {
        assertThat(NameNormalizer.normalizeCode("03-300")).isEqualTo(NameNormalizer.normalizeCode("03 300"))
                .isEqualTo("03300");
        assertThat(NameNormalizer.normalizeCode(null)).isEmpty();
    }
}
