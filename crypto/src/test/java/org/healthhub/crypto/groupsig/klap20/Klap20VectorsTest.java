package org.healthhub.crypto.groupsig.klap20;

import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.OpeningVectors;
import org.healthhub.crypto.groupsig.Opening;

class Klap20VectorsTest extends OpeningVectors {
  private final Klap20 scheme = new Klap20();

  @Override
  protected GroupSignatureScheme scheme() {
    return scheme;
  }

  @Override
  protected Opening opening() {
    return scheme;
  }

  @Override
  protected String vectorName() {
    return "klap20";
  }
}
