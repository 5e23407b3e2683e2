package org.healthhub.workers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.fhir.FormToBundleConverter;
import org.junit.jupiter.api.Test;

class RecordCategoryTest {

  @Test
  void of_formConvertedToFhir_isTheFormsCategoryNormalized() throws Exception {
    String form = """
        {"patient":"Ann Example","date":"2026-11-20","category":" Cardiology ","age":47,"gender":"female",
         "location":"Town","diagnosis":"angina","treatment":"rest","medications":["aspirin"],
         "labResults":[{"name":"troponin","value":"0.02","unit":"ng/mL"}],"notes":"n","hospital":"St Mary"}
        """;
    String fhir = FhirRecords.toJson(new FormToBundleConverter().convert(FormToBundleConverter.readForm(form)));

    assertThat(RecordCategory.of(fhir)).contains("cardiology");
  }

  @Test
  void of_fhirConditionWithCodedCategoryOnly_isTheCodingsDisplay() throws Exception {
    String fhir = """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"Patient","gender":"male"}},
          {"resource":{"resourceType":"Condition","category":[{"coding":[
            {"system":"http://example.org/specialty","code":"onc","display":"Oncology"}]}],
           "code":{"text":"melanoma"}}}]}
        """;

    assertThat(RecordCategory.of(fhir)).contains("oncology");
  }

  @Test
  void of_fhirNamingNoCategory_isEmpty() throws Exception {
    assertThat(RecordCategory.of("{\"resourceType\":\"Patient\",\"gender\":\"male\"}")).isEmpty();
  }

  @Test
  void of_notJson_throwsIOException() {
    assertThatThrownBy(() -> RecordCategory.of("{not json")).isInstanceOf(IOException.class);
  }
}
