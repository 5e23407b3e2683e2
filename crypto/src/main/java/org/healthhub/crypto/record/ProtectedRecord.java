package org.healthhub.crypto.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.deid.BuyerTemplate;
import org.healthhub.crypto.record.deid.DisclosureDeniedException;
import org.healthhub.crypto.record.deid.DisclosureProfile;
import org.healthhub.crypto.record.deid.SafeHarborGeneralizer;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.fhir.ValidatedRecord;
import org.healthhub.crypto.record.merkle.CanonicalJson;
import org.healthhub.crypto.record.merkle.Disclosure;
import org.healthhub.crypto.record.merkle.MerkleTree;
import org.healthhub.crypto.record.merkle.RecordFields;
import org.healthhub.crypto.record.merkle.SignedRootMessage;

/**
 * A validated FHIR record with its salted Merkle tree (record fields plus the Safe Harbor
 * generalizations): the root to sign, and disclosures for doctors (any fields) or buyers (a
 * template checked against a profile).
 */
public final class ProtectedRecord {
  /** Names the leaf layout in the signed root message; change it when the layout changes. */
  public static final String SCHEMA_VERSION = "healthhub-fhir-r4-merkle/1";
  private final JsonNode json;
  private final RecordFields fields;
  private final MerkleTree tree;

  private ProtectedRecord(JsonNode json, RecordFields fields, MerkleTree tree) {
    this.json = json;
    this.fields = fields;
    this.tree = tree;
  }

  /**
   * @param record the record as {@link FhirRecords#validate} accepted it (validated once, not here)
   * @param recordSecret 32 bytes from which every leaf salt derives; store it with the sealed record
   */
  public static ProtectedRecord of(ValidatedRecord record, SecretBytes recordSecret) {
    JsonNode json;
    RecordFields fields;
    try {
      json = CanonicalJson.parse(record.json());
      fields = SafeHarborGeneralizer.fieldsWithGeneralizations(json);
    } catch (MalformedInputException e) {
      throw new IllegalStateException("the validator accepted JSON that is not canonical", e);
    }
    return new ProtectedRecord(json, fields, MerkleTree.build(fields, recordSecret));
  }

  public byte[] root() {
    return tree.root();
  }

  /** The message the doctor group-signs: this root bound to the scheme and the group. */
  public SignedRootMessage rootMessage(String scheme, String groupId) {
    return new SignedRootMessage(tree.root(), scheme, groupId, SCHEMA_VERSION);
  }

  /** Discloses the named leaves (JSON Pointers), e.g. everything to a treating doctor. */
  public Disclosure disclose(Collection<String> pointers) {
    return tree.disclose(pointers);
  }

  /** Discloses what a buyer's template asks for, if {@code profile} allows all of it. */
  public Disclosure disclose(BuyerTemplate template, DisclosureProfile profile) throws DisclosureDeniedException {
    return tree.disclose(profile.select(json, fields, template));
  }
}
