package org.healthhub.processes;

import java.util.HashMap;
import java.util.Map;

/** The store-record start form with the fields the flow requires, for the demo patient in the demo group. */
public final class RecordForms {

  private RecordForms() {}

  /** A mutable map, so a test can add or change a field. */
  public static Map<String, Object> minimal(String patientName, String diagnosis) {
    Map<String, Object> form = new HashMap<>();
    form.put("patientId", "patient");
    form.put("hospitalGroupId", "st-mary");
    form.put("form_patient", patientName);
    form.put("form_date", "2026-11-24");
    form.put("form_category", "general");
    form.put("form_age", 52);
    form.put("form_gender", "other");
    form.put("form_diagnosis", diagnosis);
    form.put("form_hospital", "St Mary");
    return form;
  }
}
