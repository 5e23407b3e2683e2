package org.healthhub.crypto.record.fhir;

import ca.uhn.fhir.context.support.IValidationSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * The FHIR core {@link InstanceValidator}, configured as HAPI's {@code FhirInstanceValidator} with
 * its defaults configures it, but kept between validations. HAPI builds a new one per validation,
 * and each construction loads the 1.5 MB OID registry (about half the CPU of validating a record);
 * the core validator clears its per-resource state at the start of every validation, so it can
 * serve many. Not thread-safe itself: each validation borrows one from the pool.
 */
final class InstanceValidatorPool {
  /**
   * The core validator also remembers every coding it has seen (for checks we do not enable), so a
   * validator is replaced after this many validations to keep that memory bounded.
   */
  static final int VALIDATIONS_PER_VALIDATOR = 100;

  private final IWorkerContext context;
  private final ConcurrentLinkedQueue<Borrowed> idle = new ConcurrentLinkedQueue<>();

  InstanceValidatorPool(IValidationSupport support) {
    this.context = WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(support);
  }

  /**
   * Validates a JSON resource (given also parsed) against the base profiles and the profiles its
   * meta declares, and returns every message, as HAPI's {@code ValidatorWrapper} would.
   */
  List<ValidationMessage> validate(String json, JsonNode document) {
    List<ValidationMessage> messages = new ArrayList<>();
    List<StructureDefinition> profiles = new ArrayList<>();
    List<ValidationMessage> unknownProfiles = new ArrayList<>();
    document.path("meta").path("profile").forEach(url -> fetchProfile(url.asText(), profiles, unknownProfiles));
    Borrowed borrowed = borrow();
    try {
      borrowed.validator.validate(
          null, messages, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FhirFormat.JSON, profiles);
    } finally {
      giveBack(borrowed);
    }
    if (profiles.isEmpty()) {
      messages.addAll(unknownProfiles);
    }
    return messages.stream().filter(InstanceValidatorPool::keptByHapi).map(InstanceValidatorPool::unknownProfileIsError).toList();
  }

  private void fetchProfile(String url, List<StructureDefinition> profiles, List<ValidationMessage> unknown) {
    StructureDefinition profile;
    try {
      profile = context.fetchResource(StructureDefinition.class, url);
    } catch (FHIRException e) {
      // HAPI skips a profile that fails to load; the validator still reports it as unknown.
      return;
    }
    if (profile != null) {
      profiles.add(profile);
    } else {
      ValidationMessage m = new ValidationMessage();
      m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
      m.setLevel(IssueSeverity.ERROR);
      m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
      unknown.add(m);
    }
  }

  /** The two messages HAPI's wrapper drops: no value set source, and the unknown mimetypes set. */
  private static boolean keptByHapi(ValidationMessage m) {
    String id = m.getMessageId();
    return id == null
        || !(id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
            || (id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")));
  }

  /** HAPI's default {@code errorForUnknownProfiles = true}. */
  private static ValidationMessage unknownProfileIsError(ValidationMessage m) {
    if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(m.getMessageId())
        || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(m.getMessageId())) {
      m.setLevel(IssueSeverity.ERROR);
    }
    return m;
  }

  private Borrowed borrow() {
    Borrowed borrowed = idle.poll();
    return borrowed != null ? borrowed : new Borrowed(newValidator());
  }

  private void giveBack(Borrowed borrowed) {
    if (++borrowed.validations < VALIDATIONS_PER_VALIDATOR) {
      idle.offer(borrowed);
    }
  }

  /** The settings of HAPI 8.8.1's {@code ValidatorWrapper.validate} with FhirInstanceValidator's defaults. */
  private InstanceValidator newValidator() {
    InstanceValidator v = new InstanceValidator(
        context,
        new FhirInstanceValidator.NullEvaluationContext(),
        new XVerExtensionManagerOld(context),
        new ValidatorSession(),
        new ValidatorSettings());
    v.setAssumeValidRestReferences(false);
    v.setBestPracticeWarningLevel(null);
    v.setAnyExtensionsAllowed(true);
    v.setResourceIdRule(IdStatus.OPTIONAL);
    v.setNoTerminologyChecks(false);
    v.setErrorForUnknownProfiles(true);
    v.setUnknownCodeSystemsCauseErrors(true);
    v.setFetcher(null);
    v.setPolicyAdvisor(new FhirDefaultPolicyAdvisor());
    v.setNoExtensibleWarnings(false);
    v.setNoBindingMsgSuppressed(false);
    v.setAllowExamples(false);
    v.setAllowXsiLocation(true);
    return v;
  }

  private static final class Borrowed {
    final InstanceValidator validator;
    int validations;

    Borrowed(InstanceValidator validator) {
      this.validator = validator;
    }
  }
}
