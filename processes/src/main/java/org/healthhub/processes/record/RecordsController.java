package org.healthhub.processes.record;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.healthhub.processes.api.ApiAuthentication;
import org.healthhub.processes.security.EngineUserAuthentication;
import org.healthhub.processes.security.SecurityProperties;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.RecordInputs;
import org.healthhub.workers.record.RecordReader;
import org.healthhub.workers.record.RecordReader.OpenedRecord;
import org.healthhub.workers.record.RecordVariables;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** My records, reading one I may read, and storing FHIR JSON through the store-record flow. */
@RestController
class RecordsController {

  /** A FHIR R4 record to store for a patient; it is sealed before the flow's first step commits. */
  record StoreRequest(String patientId, String hospitalGroupId, String fhirJson) {}

  record Started(String processInstanceId) {}

  private final RecordIndex index;
  private final RecordReader reader;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SecurityProperties limits;

  RecordsController(RecordIndex index, RecordReader reader, RuntimeService runtimeService, IdentityService identityService,
      SecurityProperties limits) {
    this.limits = limits;
    this.index = index;
    this.reader = reader;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @Operation(summary = "The records stored for me (as a patient): public facts only")
  @GetMapping("/api/records")
  List<RecordIndex.Entry> myRecords(@RequestAttribute(ApiAuthentication.USER) String user) throws Exception {
    return index.ofPatient(user);
  }

  @Operation(summary = "Decrypts a record I may read (mine, or shared with me) and says what verifies")
  @GetMapping("/api/records/{recordId}/content")
  ResponseEntity<OpenedRecord> read(@PathVariable String recordId, @RequestAttribute(ApiAuthentication.USER) String user)
      throws Exception {
    try {
      return ResponseEntity.ok(reader.read(recordId, user));
    } catch (NoSuchElementException | IllegalArgumentException e) {
      return ResponseEntity.notFound().build();
    }
  }

  @Operation(summary = "Starts store-record for FHIR JSON (doctors only)")
  @PostMapping("/api/records")
  ResponseEntity<?> store(@RequestBody StoreRequest request, @RequestAttribute(ApiAuthentication.USER) String user) {
    if (identityService.createGroupQuery().groupMember(user).groupId("doctors").count() == 0) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    int recordBytes = request.fhirJson() == null ? 0 : request.fhirJson().getBytes(StandardCharsets.UTF_8).length;
    if (recordBytes > limits.maxRecordBytes()) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("message",
          "the record has " + recordBytes + " bytes, at most " + limits.maxRecordBytes() + " are accepted"));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(RecordVariables.PATIENT_ID, request.patientId());
    variables.put(RecordVariables.GROUP_ID, request.hospitalGroupId());
    variables.put(RecordInputs.FHIR_JSON, request.fhirJson());
    // The engine checks the doctor may start store-record, and that the doctor submits as themself.
    identityService.setAuthentication(user, EngineUserAuthentication.groupsOf(identityService, user));
    try {
      return ResponseEntity.accepted()
          .body(new Started(runtimeService.startProcessInstanceByKey("store-record", variables).getId()));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
