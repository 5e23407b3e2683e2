package org.healthhub.crypto.groupsig.properties;

class Bbs04DecoderPropertiesTest extends DualControlDecoderPropertiesContract {
  @Override
  protected String schemeName() {
    return "bbs04";
  }
}
