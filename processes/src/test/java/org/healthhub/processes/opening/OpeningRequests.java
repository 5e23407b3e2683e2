package org.healthhub.processes.opening;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.record.RecordIndex;

/** The start variables of a Group Manager's open-signature request for a stored record. */
public final class OpeningRequests {

  private OpeningRequests() {}

  public static Map<String, Object> forRecord(BlobStore store, RecordIndex.Entry record, String reason) throws Exception {
    byte[] signature;
    try (InputStream in = store.get(Cid.parse(record.signatureCid()))) {
      signature = in.readAllBytes();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("hospitalGroupId", "st-mary");
    variables.put("signatureCid", record.signatureCid());
    variables.put("signatureDigest", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signature)));
    variables.put("signedRoot", record.merkleRoot());
    variables.put("openingReason", reason);
    return variables;
  }
}
