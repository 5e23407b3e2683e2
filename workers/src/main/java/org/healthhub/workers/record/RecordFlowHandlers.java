package org.healthhub.workers.record;

import java.nio.file.Path;
import java.time.Clock;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.Topics;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.enrol.GroupSignatureMembership;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.keys.Keyring;

/**
 * What the handlers of store-record and share-record run on, and the one place that subscribes
 * them to their topics (the app's configuration and the process tests both use it).
 *
 * @param hospitalAccount the user whose chain key anchors records
 * @param staging where sealed records wait between {@code record.encrypt} and {@code storage.put}
 */
public record RecordFlowHandlers(SealedRecords records, Keyring keyring, BlobStore store,
    GroupSignatureMembership membership, HospitalGroups groups, DataHubAccess chain, String hospitalAccount,
    RecordIndex recordIndex, ShareIndex shareIndex, HandlerResults results, Path staging, Clock clock) {

  public Subscriptions.Builder subscribeTo(Subscriptions.Builder builder) {
    WorkingCopies workingCopies = new WorkingCopies(records, keyring);
    return builder
        .subscribe(Topics.RECORD_VALIDATE, new ValidateRecordHandler(workingCopies))
        .subscribe(Topics.RECORD_MERKLE, new MerkleRootHandler(workingCopies, results))
        .subscribe(Topics.RECORD_SIGN, new SignRootHandler(membership, groups, store, results))
        .subscribe(Topics.RECORD_VERIFY, new VerifySignatureHandler(groups, store))
        .subscribe(Topics.RECORD_ENCRYPT, new EncryptRecordHandler(records, workingCopies, store, staging, recordIndex, results))
        .subscribe(Topics.STORAGE_PUT, new StoreRecordHandler(records, workingCopies, store, staging, results))
        .subscribe(Topics.CHAIN_ANCHOR, new AnchorRecordHandler(chain, hospitalAccount, recordIndex, results, clock))
        .subscribe(Topics.RECORD_WRAP_KEY, new WrapKeyHandler(records, recordIndex, shareIndex, results))
        .subscribe(Topics.CHAIN_SHARE, ShareOnChainHandler.grant(chain, results))
        .subscribe(Topics.RECORD_REMOVE_WRAP, new RemoveWrapHandler(records, recordIndex, store, shareIndex, results))
        .subscribe(Topics.CHAIN_REVOKE, ShareOnChainHandler.revoke(chain, results));
  }
}
