package org.healthhub.crypto.record.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.healthhub.crypto.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
  @Test
  void canonicalize_rfc8785Example_matchesPublishedOutput() throws Exception {
    String input =
        "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
            + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
            + " \"literals\": [null, true, false]}";

    assertThat(CanonicalJson.canonicalize(CanonicalJson.parse(input)))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void canonicalize_membersSortedByUtf16CodeUnits() throws Exception {
    String input =
        "{\"\\u20ac\":1,\"\\r\":2,\"\\ufb33\":3,\"1\":4,\"\\ud83d\\ude00\":5,\"\\u0080\":6,\"\\u00f6\":7}";

    assertThat(CanonicalJson.canonicalize(CanonicalJson.parse(input)))
        .isEqualTo("{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":3}");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0, 0",
    "1, 1",
    "-1.5, -1.5",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "1e-7, 1e-7",
    "0.000001, 0.000001",
    "123456789012345680000, 123456789012345680000",
    "5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "9007199254740992, 9007199254740992",
    "0.1, 0.1",
    "4.35, 4.35"
  })
  void number_ieeeDouble_printsLikeEcmaScript(String literal, String expected) throws Exception {
    assertThat(CanonicalJson.canonicalize(CanonicalJson.parse(literal))).isEqualTo(expected);
  }

  @Test
  void parse_duplicateMember_throwsMalformed() {
    assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void parse_trailingContent_throwsMalformed() {
    assertThatThrownBy(() -> CanonicalJson.parse("1 2")).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void canonicalize_numberOutOfDoubleRange_throwsMalformed() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize(CanonicalJson.parse("1e400")))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void requireCanonical_sameMeaningOtherSpelling_throwsMalformed() {
    assertThatThrownBy(() -> CanonicalJson.requireCanonical("{ \"a\":1}")).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> CanonicalJson.requireCanonical("1.0")).isInstanceOf(MalformedInputException.class);
  }
}
