package org.healthhub.workers.enrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.DualControlSetup;
import org.healthhub.crypto.groupsig.opening.IssuingKey;
import org.healthhub.crypto.groupsig.opening.ShareCommitments;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.workers.keys.Keyring;

/**
 * The hospital groups: each one's public part ({@code <dir>/<group>.json}: scheme, group key,
 * share commitments, who manages it) and its secrets, which live only in the managers' keyrings:
 * the Group Manager's issuing key, opening share and membership list (GML), the Revocation
 * Manager's opening share. A group is created under dual control, so no one holds the full
 * opening key.
 */
public final class HospitalGroups implements GroupManagers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** What anyone may read about a group. */
  public record PublicGroup(String groupId, GroupKey groupKey, ShareCommitments commitments,
      String groupManager, String revocationManager) {}

  /** A group as imported from its file's bytes. */
  private record Imported(byte[] content, PublicGroup group) {}

  private final Path directory;
  private final DualControlOpening scheme;
  private final Keyring keyring;
  private final Map<String, Imported> imported = new ConcurrentHashMap<>();

  public HospitalGroups(Path directory, DualControlOpening scheme, Keyring keyring) {
    this.directory = directory;
    this.scheme = scheme;
    this.keyring = keyring;
  }

  public DualControlOpening scheme() {
    return scheme;
  }

  /**
   * Creates the group unless it exists (then nothing changes): dual-control setup, the GM's and
   * the RM's secrets into their keyrings, the public part written last, so a crash halfway leaves
   * no group and the next call starts over.
   */
  public synchronized PublicGroup createIfAbsent(String groupId, String groupManager, String revocationManager)
      throws IOException, GeneralSecurityException {
    Optional<PublicGroup> existing = find(groupId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (groupManager.equals(revocationManager)) {
      throw new IllegalArgumentException("the group and revocation managers of " + groupId + " must differ");
    }
    DualControlSetup setup = scheme.setupDualControl(RandomScalars.secure());
    keyring.writeSecret(groupManager, secretName(groupId, "issuing-key"), ascii(setup.keys().issuingKey().toBase64()));
    keyring.writeSecret(groupManager, secretName(groupId, "opening-share"), ascii(setup.keys().groupManagerShare().toBase64()));
    keyring.writeSecret(revocationManager, secretName(groupId, "opening-share"),
        ascii(setup.keys().revocationManagerShare().toBase64()));
    keyring.writeSecret(groupManager, secretName(groupId, "gml"), ascii(setup.gml().toBase64()));
    PublicGroup group = new PublicGroup(groupId, setup.groupKey(), setup.keys().commitments(), groupManager, revocationManager);
    writePublic(group);
    return group;
  }

  /** Every group created so far. */
  public java.util.List<String> groupIds() throws IOException {
    if (!Files.isDirectory(directory)) {
      return java.util.List.of();
    }
    try (var files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
          .map(name -> name.substring(0, name.length() - ".json".length())).sorted().toList();
    }
  }

  /**
   * The group's public part as its file holds it now. A group key is checked when imported (points
   * on the curve and in the subgroup, precomputed pairings against a multi-pairing), which costs
   * more than the signature it then checks; the imported group is kept for as long as its file
   * holds the same bytes.
   */
  public Optional<PublicGroup> find(String groupId) throws IOException, GeneralSecurityException {
    Path file = publicFile(groupId);
    if (!Files.exists(file)) {
      imported.remove(groupId);
      return Optional.empty();
    }
    byte[] content = Files.readAllBytes(file);
    Imported known = imported.get(groupId);
    if (known != null && Arrays.equals(known.content(), content)) {
      return Optional.of(known.group());
    }
    JsonNode json = JSON.readTree(content);
    PublicGroup group = new PublicGroup(groupId,
        scheme.importGroupKey(json.path("groupKey").asText()),
        ShareCommitments.fromBase64(scheme.descriptor().name(), json.path("commitments").asText()),
        json.path("groupManager").asText(),
        json.path("revocationManager").asText());
    imported.put(groupId, new Imported(content, group));
    return Optional.of(group);
  }

  /** @throws UnknownGroupException if there is no such group */
  public PublicGroup require(String groupId) throws IOException, GeneralSecurityException {
    return find(groupId).orElseThrow(() -> new UnknownGroupException(groupId));
  }

  @Override
  public String managerOf(String groupId) throws IOException, GeneralSecurityException {
    return require(groupId).groupManager();
  }

  /** The GM's issuing key; opens only with the GM's keystore. */
  IssuingKey issuingKey(PublicGroup group) throws IOException, GeneralSecurityException {
    return IssuingKey.fromBase64(scheme.descriptor().name(),
        readManagerSecret(group, "issuing-key"));
  }

  Gml gml(PublicGroup group) throws IOException, GeneralSecurityException {
    return Gml.fromBase64(readManagerSecret(group, "gml"));
  }

  void writeGml(PublicGroup group, Gml gml) throws IOException, GeneralSecurityException {
    keyring.writeSecret(group.groupManager(), secretName(group.groupId(), "gml"), ascii(gml.toBase64()));
  }

  private String readManagerSecret(PublicGroup group, String name) throws IOException, GeneralSecurityException {
    byte[] secret = keyring.readSecret(group.groupManager(), secretName(group.groupId(), name))
        .orElseThrow(() -> new IllegalStateException("the group manager of " + group.groupId() + " has no " + name));
    return new String(secret, StandardCharsets.US_ASCII);
  }

  private void writePublic(PublicGroup group) throws IOException {
    ObjectNode json = JSON.createObjectNode()
        .put("scheme", scheme.descriptor().name())
        .put("groupKey", group.groupKey().toBase64())
        .put("commitments", group.commitments().toBase64())
        .put("groupManager", group.groupManager())
        .put("revocationManager", group.revocationManager());
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, ".group", ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), json);
      Files.move(partial, publicFile(group.groupId()), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private Path publicFile(String groupId) {
    return directory.resolve(requireGroupId(groupId) + ".json");
  }

  static String secretName(String groupId, String what) {
    return "group." + requireGroupId(groupId) + "." + what;
  }

  private static String requireGroupId(String groupId) {
    if (!GROUP_ID.matcher(groupId).matches()) {
      throw new IllegalArgumentException("not a group id: '" + groupId + "'");
    }
    return groupId;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
