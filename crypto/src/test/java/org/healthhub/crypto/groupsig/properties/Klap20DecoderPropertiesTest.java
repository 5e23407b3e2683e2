package org.healthhub.crypto.groupsig.properties;

import java.util.function.Function;
import org.healthhub.crypto.groupsig.spk.PairingHomomorphismProof2;

class Klap20DecoderPropertiesTest extends OpeningProofDecoderPropertiesContract<PairingHomomorphismProof2> {
  @Override
  protected String schemeName() {
    return "klap20";
  }

  @Override
  protected Decoding.Decoder<PairingHomomorphismProof2> proofDecoder() {
    return PairingHomomorphismProof2::fromBase64;
  }

  @Override
  protected Function<PairingHomomorphismProof2, String> proofExport() {
    return PairingHomomorphismProof2::toBase64;
  }
}
