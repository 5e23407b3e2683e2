package org.healthhub.crypto.record.deid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthhub.crypto.record.merkle.RecordFields;

/**
 * Adds the generalized leaves Safe Harbor permits, so they are signed with the record and can be
 * disclosed in place of the exact values: {@code <date>~year} beside every date, and
 * {@code <age>~band} beside the age. Ages over 89, and birth years that imply them, become the one
 * group {@code "90+"}. The reference year is the record's own latest date, so the leaves (and the
 * root) do not change with the day the tree is built.
 */
public final class SafeHarborGeneralizer {
  static final String OVER_89 = "\"90+\"";
  private static final Pattern YEAR = Pattern.compile("\"(\\d{4})(-\\d{2}.*)?\"");

  private SafeHarborGeneralizer() {}

  /** The record's own fields plus the derived ones. */
  public static RecordFields fieldsWithGeneralizations(JsonNode record) throws org.healthhub.crypto.MalformedInputException {
    RecordFields fields = RecordFields.of(record);
    int referenceYear = fields.asMap().values().stream().mapToInt(SafeHarborGeneralizer::year).max().orElse(0);
    Map<String, String> derived = new TreeMap<>();
    fields.asMap().forEach((pointer, value) -> {
      int year = year(value);
      if (year > 0 && isDate(record, pointer, value)) {
        boolean birth = pointer.endsWith("/birthDate");
        derived.put(pointer + FieldPaths.YEAR, birth && referenceYear - year > 89 ? OVER_89 : "\"" + year + "\"");
      }
      if (pointer.endsWith("/valueQuantity/value") && FieldPaths.context(record, pointer, value).elementPath().startsWith("Observation:age.")) {
        derived.put(pointer + FieldPaths.BAND, Double.parseDouble(value) > 89 ? OVER_89 : value);
      }
    });
    return fields.with(derived);
  }

  /** Only real dates get a year leaf: an identifier that happens to start like a date does not. */
  private static boolean isDate(JsonNode record, String pointer, String value) {
    return SafeHarborClassifier.classify(FieldPaths.context(record, pointer, value))
        .filter(SafeHarborIdentifier.DATES_AND_AGES_OVER_89::equals)
        .isPresent();
  }

  private static int year(String canonicalValue) {
    Matcher m = YEAR.matcher(canonicalValue);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }
}
