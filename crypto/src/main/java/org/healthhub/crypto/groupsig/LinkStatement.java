package org.healthhub.crypto.groupsig;

import java.util.List;

/**
 * What a link proof claims: the member made each of {@code signatures} (of the message at the
 * same index of {@code messages}) in {@code scope}; the proof is bound to {@code linkMessage}.
 */
public record LinkStatement(
    String linkMessage, List<String> messages, List<GroupSignature> signatures, String scope) {

  public LinkStatement {
    messages = List.copyOf(messages);
    signatures = List.copyOf(signatures);
  }

  /** A statement in the default scope {@value Linking#DEFAULT_SCOPE}. */
  public static LinkStatement of(String linkMessage, List<String> messages, List<GroupSignature> signatures) {
    return new LinkStatement(linkMessage, messages, signatures, Linking.DEFAULT_SCOPE);
  }
}
