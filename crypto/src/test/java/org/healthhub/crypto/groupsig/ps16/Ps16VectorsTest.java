package org.healthhub.crypto.groupsig.ps16;

import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.OpeningVectors;
import org.healthhub.crypto.groupsig.Opening;

class Ps16VectorsTest extends OpeningVectors {
  private final Ps16 scheme = new Ps16();

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
    return "ps16";
  }
}
