package org.healthhub.crypto.groupsig.properties;

import java.util.function.Function;
import org.healthhub.crypto.groupsig.spk.PairingHomomorphismProof;

class Ps16DecoderPropertiesTest extends OpeningProofDecoderPropertiesContract<PairingHomomorphismProof> {
  @Override
  protected String schemeName() {
    return "ps16";
  }

  @Override
  protected Decoding.Decoder<PairingHomomorphismProof> proofDecoder() {
    return PairingHomomorphismProof::fromBase64;
  }

  @Override
  protected Function<PairingHomomorphismProof, String> proofExport() {
    return PairingHomomorphismProof::toBase64;
  }
}
