package org.healthhub.workers.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.enrol.HospitalGroups;

/**
 * Opens a stored record for a reader who may read it (its patient, or a doctor with an active
 * share) and checks it as a reader would: the group signature against the group's key, the Merkle
 * root recomputed from the record and its secret against the anchored root, and the chain's
 * record of patient and share (any of the patient's and reader's addresses, retired ones included:
 * a chain-key rotation does not orphan what was anchored or granted before it). The plaintext is returned to the caller only, never stored.
 */
public final class RecordReader {

  /** A record as its reader sees it, with what was verified. */
  public record OpenedRecord(String recordId, String fhirJson, boolean signatureValid, boolean merkleRootValid,
      boolean anchoredForPatient, boolean shareActiveOnChain, String signatureProblem) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SealedRecords records;
  private final RecordIndex recordIndex;
  private final ShareIndex shareIndex;
  private final HospitalGroups groups;
  private final DataHubAccess chain;

  public RecordReader(SealedRecords records, RecordIndex recordIndex, ShareIndex shareIndex, HospitalGroups groups,
      DataHubAccess chain) {
    this.records = records;
    this.recordIndex = recordIndex;
    this.shareIndex = shareIndex;
    this.groups = groups;
    this.chain = chain;
  }

  /**
   * @throws NoSuchElementException if there is no such record or {@code userId} may not read it
   *     (the two are not told apart, so the answer reveals nothing about other people's records)
   */
  public OpenedRecord read(String recordId, String userId) throws Exception {
    RecordIndex.Entry entry = recordIndex.find(recordId).orElseThrow(() -> notReadable(recordId));
    String cid;
    boolean patient = entry.patientId().equals(userId);
    if (patient) {
      cid = entry.recordCid();
    } else {
      cid = shareIndex.where(share -> share.recordId().equals(recordId) && share.doctorId().equals(userId)
          && share.status().equals("ACTIVE")).stream().findFirst().orElseThrow(() -> notReadable(recordId))
          .sharedRecordCid();
    }
    JsonNode payload = JSON.readTree(records.open(cid, userId));
    String fhir = payload.get("fhir").asText();
    byte[] root = RecordVariables.unhex(entry.merkleRoot());
    Optional<String> signatureProblem = signatureProblem(payload, root);
    ProtectedRecord recomputed = ProtectedRecord.of(FhirRecords.validate(fhir),
        SecretBytes.copyOf(Base64.getDecoder().decode(payload.get("recordSecret").asText())));
    var dataHub = chain.as(userId);
    String anchoredFor = dataHub.patientOf(root);
    boolean anchored = chain.addressesOf(entry.patientId()).stream().anyMatch(anchoredFor::equalsIgnoreCase);
    boolean shareActive = patient;
    for (String address : patient ? List.<String>of() : chain.addressesOf(userId)) {
      shareActive |= dataHub.hasShare(root, address);
    }
    return new OpenedRecord(recordId, fhir, signatureProblem.isEmpty(), MessageDigest.isEqual(recomputed.root(), root),
        anchored, shareActive, signatureProblem.orElse(null));
  }

  private Optional<String> signatureProblem(JsonNode payload, byte[] root) throws Exception {
    String groupId = payload.get("groupId").asText();
    try {
      groups.scheme().verify(SignRootHandler.signedText(root, groups.scheme().descriptor().name(), groupId),
          groups.scheme().importSignature(payload.get("signature").asText()), groups.require(groupId).groupKey());
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static NoSuchElementException notReadable(String recordId) {
    return new NoSuchElementException("no record " + recordId + " you may read");
  }
}
