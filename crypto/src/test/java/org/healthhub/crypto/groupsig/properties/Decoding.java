package org.healthhub.crypto.groupsig.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;
import org.healthhub.crypto.MalformedInputException;

/** The decoder property: a typed refusal with a reason, or a value whose export is a fixed point. */
final class Decoding {
  private Decoding() {}

  interface Decoder<T> {
    T decode(String text) throws MalformedInputException;
  }

  /**
   * Decodes {@code input}; any exception other than {@link MalformedInputException} fails the
   * property. A decoded value must export to a text that decodes to the same export.
   */
  static <T> Optional<T> decodeOrRefuse(String input, Decoder<T> decoder, Function<T, String> export) {
    T value;
    try {
      value = decoder.decode(input);
    } catch (MalformedInputException e) {
      assertThat(e.getMessage()).isNotBlank();
      return Optional.empty();
    }
    String exported = export.apply(value);
    try {
      assertThat(export.apply(decoder.decode(exported))).isEqualTo(exported);
    } catch (MalformedInputException e) {
      throw new AssertionError("a decoded value's own export does not decode: " + e.getMessage(), e);
    }
    return Optional.of(value);
  }
}
