package org.healthhub.workers.purchase;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeSet;
import org.healthhub.crypto.record.deid.BuyerTemplate;
import org.healthhub.crypto.record.deid.DisclosureDeniedException;
import org.healthhub.crypto.record.deid.DisclosureProfile;
import org.healthhub.workers.record.RecordVariables;

/** The fields a buyer asks for, as the start form gives them (comma- or line-separated element paths). */
public final class PurchaseTemplate {

  private PurchaseTemplate() {}

  /**
   * Parses and checks the requested fields against the Safe Harbor profile before anything starts.
   *
   * @throws DisclosureDeniedException naming each field the profile refuses and why
   * @throws IllegalArgumentException if no field is named
   */
  public static BuyerTemplate checked(String fields) throws DisclosureDeniedException {
    BuyerTemplate template = parse(fields);
    DisclosureProfile.safeHarbor().check(template);
    return template;
  }

  public static BuyerTemplate parse(String fields) {
    TreeSet<String> paths = new TreeSet<>();
    Arrays.stream(fields == null ? new String[0] : fields.split("[,\\n]")).map(String::trim)
        .filter(path -> !path.isEmpty()).forEach(paths::add);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("name at least one field, e.g. Condition.code.text");
    }
    return new BuyerTemplate(paths);
  }

  /** What the chain escrows against: the category and the sorted fields, hashed. */
  static byte[] digest(String category, BuyerTemplate template) {
    String canonical = "healthhub-purchase-template/1|" + category + "|" + String.join(",", template.elementPaths());
    return RecordVariables.sha256(canonical.getBytes(StandardCharsets.UTF_8));
  }
}
