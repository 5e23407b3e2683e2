package org.healthhub.crypto.record.deid;

/**
 * The eighteen identifiers of the HIPAA Privacy Rule's Safe Harbor method, 45 CFR 164.514(b)(2)(i),
 * of the individual or of relatives, employers or household members.
 */
public enum SafeHarborIdentifier {
  NAMES("(A) names"),
  GEOGRAPHIC_SUBDIVISIONS("(B) geographic subdivisions smaller than a state: street, city, county, ZIP, facility"),
  DATES_AND_AGES_OVER_89("(C) dates more precise than the year, and ages over 89 except as one group of 90 or older"),
  TELEPHONE_NUMBERS("(D) telephone numbers"),
  FAX_NUMBERS("(E) fax numbers"),
  EMAIL_ADDRESSES("(F) electronic mail addresses"),
  SOCIAL_SECURITY_NUMBERS("(G) social security numbers"),
  MEDICAL_RECORD_NUMBERS("(H) medical record numbers"),
  HEALTH_PLAN_BENEFICIARY_NUMBERS("(I) health plan beneficiary numbers"),
  ACCOUNT_NUMBERS("(J) account numbers"),
  CERTIFICATE_LICENSE_NUMBERS("(K) certificate and license numbers"),
  VEHICLE_IDENTIFIERS("(L) vehicle identifiers and serial numbers, including license plates"),
  DEVICE_IDENTIFIERS("(M) device identifiers and serial numbers"),
  URLS("(N) web universal resource locators"),
  IP_ADDRESSES("(O) internet protocol addresses"),
  BIOMETRIC_IDENTIFIERS("(P) biometric identifiers, including finger and voice prints"),
  FULL_FACE_PHOTOGRAPHS("(Q) full-face photographs and comparable images"),
  OTHER_UNIQUE_IDENTIFIERS("(R) any other unique identifying number, characteristic or code");

  private final String rule;

  SafeHarborIdentifier(String rule) {
    this.rule = rule;
  }

  /** The rule's wording, for error messages. */
  public String rule() {
    return rule;
  }
}
