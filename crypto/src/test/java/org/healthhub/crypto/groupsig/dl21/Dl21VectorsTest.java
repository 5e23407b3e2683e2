package org.healthhub.crypto.groupsig.dl21;

import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.Linking;
import org.healthhub.crypto.groupsig.LinkingVectors;

class Dl21VectorsTest extends LinkingVectors {
  private final Dl21 scheme = new Dl21();

  @Override
  protected GroupSignatureScheme scheme() {
    return scheme;
  }

  @Override
  protected Linking linking() {
    return scheme;
  }

  @Override
  protected String vectorName() {
    return "dl21";
  }
}
