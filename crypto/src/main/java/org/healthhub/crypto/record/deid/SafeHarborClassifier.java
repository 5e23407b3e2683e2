package org.healthhub.crypto.record.deid;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a field is one of the Safe Harbor identifiers, from its element path, its value
 * and its siblings. When a field's kind cannot be told apart (a bare {@code telecom}, an
 * {@code identifier} without a type) it errs towards the identifier.
 */
final class SafeHarborClassifier {
  private static final Pattern IPV4 = Pattern.compile("\"?(\\d{1,3}\\.){3}\\d{1,3}\"?");
  private static final Pattern IPV6 = Pattern.compile("\"?[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}\"?");
  private static final Pattern DATE_VALUE = Pattern.compile("\"\\d{4}-\\d{2}.*\"");
  private static final Pattern DATE_ELEMENT =
      Pattern.compile("(?i).*(date|time|instant|start|end|issued|lastUpdated|authoredOn|onset\\w*|abatement\\w*)");
  private static final Pattern URL_VALUE = Pattern.compile("\"(?i)(https?|ftp)://.*\"");
  private static final Pattern NAME =
      Pattern.compile("(Patient|Person|RelatedPerson|Practitioner)\\.name(\\..*)?|.*\\.contact\\.name(\\..*)?"
          + "|.*\\.(subject|patient|performer|recorder|asserter|informationSource|individual|author|requester)\\.display");
  private static final Pattern GEOGRAPHIC =
      Pattern.compile(".*\\.address\\.(line|city|district|postalCode|text|period)(\\..*)?|(Location|Organization)\\..*"
          + "|.*\\.(serviceProvider|location|managingOrganization|organization|hospitalization)(\\..*)?|.*\\.position(\\..*)?");
  private static final Pattern DEVICE = Pattern.compile("Device\\..*|.*\\.(udiCarrier|device)(\\..*)?|.*\\.serialNumber");
  private static final Pattern BIOMETRIC = Pattern.compile("Media\\..*|(?i).*biometric.*");
  private static final Pattern PHOTO = Pattern.compile(".*\\.(photo|attachment|presentedForm|content)(\\..*)?");
  private static final Pattern FREE_TEXT_OR_LINK =
      Pattern.compile(".*\\.(reference|id|fullUrl|div|note|extension|modifierExtension|conclusion|comment|contained)(\\..*)?"
          + "|.*\\.note\\..*|.*\\.text\\.div");

  private SafeHarborClassifier() {}

  static Optional<SafeHarborIdentifier> classify(FieldContext field) {
    String path = field.elementPath();
    if (path.endsWith(FieldPaths.YEAR) || path.endsWith(FieldPaths.BAND)) {
      return Optional.empty();
    }
    String value = field.canonicalValue();
    if (IPV4.matcher(value).matches() || (value.startsWith("\"") && IPV6.matcher(value).matches())) {
      return Optional.of(SafeHarborIdentifier.IP_ADDRESSES);
    }
    if (path.matches(".*\\.telecom(\\..*)?")) {
      return Optional.of(telecom(field.sibling("system")));
    }
    if (path.matches(".*\\.identifier(\\..*)?")) {
      return Optional.of(identifier(field.sibling("system") + " " + field.siblingCodes("type")));
    }
    if (path.startsWith("Coverage.")) {
      return Optional.of(SafeHarborIdentifier.HEALTH_PLAN_BENEFICIARY_NUMBERS);
    }
    if (path.startsWith("Account.")) {
      return Optional.of(SafeHarborIdentifier.ACCOUNT_NUMBERS);
    }
    if (DEVICE.matcher(path).matches()) {
      return Optional.of(SafeHarborIdentifier.DEVICE_IDENTIFIERS);
    }
    if (BIOMETRIC.matcher(path).matches()) {
      return Optional.of(SafeHarborIdentifier.BIOMETRIC_IDENTIFIERS);
    }
    if (PHOTO.matcher(path).matches()) {
      return Optional.of(SafeHarborIdentifier.FULL_FACE_PHOTOGRAPHS);
    }
    if (NAME.matcher(path).matches()) {
      return Optional.of(SafeHarborIdentifier.NAMES);
    }
    if (GEOGRAPHIC.matcher(path).matches()) {
      return Optional.of(SafeHarborIdentifier.GEOGRAPHIC_SUBDIVISIONS);
    }
    if (DATE_VALUE.matcher(value).matches()
        || DATE_ELEMENT.matcher(path.substring(path.lastIndexOf('.') + 1)).matches()
        || (path.startsWith("Observation:age.value"))) {
      return Optional.of(SafeHarborIdentifier.DATES_AND_AGES_OVER_89);
    }
    if (path.endsWith(".url") || (URL_VALUE.matcher(value).matches() && !path.endsWith(".system"))) {
      return Optional.of(SafeHarborIdentifier.URLS);
    }
    if (FREE_TEXT_OR_LINK.matcher(path).matches()) {
      return Optional.of(SafeHarborIdentifier.OTHER_UNIQUE_IDENTIFIERS);
    }
    return Optional.empty();
  }

  private static SafeHarborIdentifier telecom(String system) {
    return switch (system) {
      case "email" -> SafeHarborIdentifier.EMAIL_ADDRESSES;
      case "fax" -> SafeHarborIdentifier.FAX_NUMBERS;
      case "url" -> SafeHarborIdentifier.URLS;
      default -> SafeHarborIdentifier.TELEPHONE_NUMBERS;
    };
  }

  /** By identifier system and type (HL7 v2 table 0203 codes). */
  private static SafeHarborIdentifier identifier(String systemAndType) {
    String s = " " + systemAndType.toLowerCase() + " ";
    if (s.contains("2.16.840.1.113883.4.1 ") || s.contains("us-ssn") || s.contains(" ss ")) {
      return SafeHarborIdentifier.SOCIAL_SECURITY_NUMBERS;
    }
    if (s.contains(" mr ")) {
      return SafeHarborIdentifier.MEDICAL_RECORD_NUMBERS;
    }
    if (s.contains(" mb ") || s.contains(" sn ") || s.contains("health-plan")) {
      return SafeHarborIdentifier.HEALTH_PLAN_BENEFICIARY_NUMBERS;
    }
    if (s.contains(" an ")) {
      return SafeHarborIdentifier.ACCOUNT_NUMBERS;
    }
    if (s.contains(" dl ") || s.contains(" ppn ") || s.contains(" md ") || s.contains("license")) {
      return SafeHarborIdentifier.CERTIFICATE_LICENSE_NUMBERS;
    }
    if (s.contains("vehicle") || s.contains("vin") || s.contains("plate")) {
      return SafeHarborIdentifier.VEHICLE_IDENTIFIERS;
    }
    if (s.contains(" sno ") || s.contains("udi")) {
      return SafeHarborIdentifier.DEVICE_IDENTIFIERS;
    }
    return SafeHarborIdentifier.OTHER_UNIQUE_IDENTIFIERS;
  }
}
