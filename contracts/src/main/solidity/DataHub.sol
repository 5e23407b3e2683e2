// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title DataHub: anchored medical records, audited shares, escrowed purchases and dual-control opening.
/// @notice Records are anchored by registered hospitals and owned by their patient. Purchases escrow
/// the buyer's ETH; every payment is credited and pulled with `withdraw`. A dispute can only be resolved
/// after the Group Manager and the Revocation Manager have both approved opening the disputed signature.
contract DataHub is Ownable2Step, ReentrancyGuardTransient {
    enum PurchaseState {
        None,
        Requested,
        Replied,
        Delivered,
        Disputed,
        Settled,
        Refunded
    }

    struct Batch {
        address hospital;
        uint32 size;
        uint64 anchoredAt;
    }

    struct Purchase {
        address buyer;
        uint80 amount;
        address hospital;
        // The one deadline the current state waits on: reply-by, then deliver-by, then dispute-by.
        uint32 phaseDeadline;
        uint32 deliverBy;
        PurchaseState state;
        uint16 patientShareBps;
        bytes32 bundleDigest;
        address[] patients;
    }

    struct Opening {
        bytes32 signatureDigest;
        // Manager epoch at approval; rotating the managers invalidates approvals given before.
        uint32 gmApprovalEpoch;
        uint32 rmApprovalEpoch;
        bytes32 resultCommitment;
    }

    uint16 public constant BPS = 10_000;
    uint256 public constant MAX_PATIENTS_PER_DELIVERY = 100;

    uint32 public immutable disputeWindow;

    address public groupManager;
    address public revocationManager;
    uint32 public managersEpoch;

    mapping(address => bool) public hospitals;
    /// The patient who owns each anchored root. One slot per record keeps anchoring under 50k gas: the
    /// CID and signature digests are carried by the RecordAnchored event, part of the receipt and so of
    /// consensus, and the block gives the time.
    mapping(bytes32 => address) public patientOf;
    mapping(bytes32 => Batch) public batches;
    mapping(bytes32 => mapping(address => uint64)) public shareExpiry;
    mapping(bytes32 => Purchase) public purchases;
    mapping(bytes32 => Opening) public openings;
    mapping(address => uint256) public credits;

    event HospitalRegistered(address indexed hospital);
    event HospitalRemoved(address indexed hospital);
    event ManagersChanged(address indexed groupManager, address indexed revocationManager, uint32 epoch);
    /// The patient is not repeated here (read `patientOf(root)`): a third topic would push anchoring past 50k gas.
    event RecordAnchored(bytes32 indexed root, bytes32 cidDigest, bytes32 signatureDigest);
    event BatchAnchored(bytes32 indexed batchRoot, address indexed hospital, uint32 size, bytes32 manifestCidDigest);
    event BatchedRecordClaimed(bytes32 indexed root, bytes32 indexed batchRoot);
    event ShareGranted(bytes32 indexed root, address indexed grantee, uint64 expiresAt);
    event ShareRevoked(bytes32 indexed root, address indexed grantee);
    event PurchaseRequested(
        bytes32 indexed purchaseId, address indexed buyer, bytes32 templateDigest, uint256 amount, uint32 replyBy, uint32 deliverBy
    );
    event PurchaseReplied(bytes32 indexed purchaseId, address indexed hospital, uint16 patientShareBps);
    event PurchaseDeclined(bytes32 indexed purchaseId, address indexed hospital);
    event PurchaseDelivered(bytes32 indexed purchaseId, bytes32 bundleDigest, address[] patients, uint32 disputeBy);
    event PurchaseAccepted(bytes32 indexed purchaseId);
    event PurchaseFinalized(bytes32 indexed purchaseId);
    event PurchaseRefunded(bytes32 indexed purchaseId, address indexed buyer, uint256 amount);
    event DisputeOpened(bytes32 indexed purchaseId, bytes32 signatureDigest);
    event OpeningApproved(bytes32 indexed purchaseId, address indexed manager, uint32 epoch);
    event DisputeResolved(bytes32 indexed purchaseId, bytes32 resultCommitment, bool deliveryValid);
    event PaymentCredited(bytes32 indexed purchaseId, address indexed account, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);

    error ZeroAddress();
    error ZeroDigest();
    error ManagersMustDiffer(address manager);
    error InvalidDisputeWindow();
    error NotHospital(address account);
    error HospitalAlreadyRegistered(address hospital);
    error RecordAlreadyAnchored(bytes32 root);
    error RecordNotAnchored(bytes32 root);
    error BatchAlreadyAnchored(bytes32 batchRoot);
    error EmptyBatch();
    error InvalidProof();
    error NotRecordPatient(bytes32 root, address account);
    error ExpiryNotInFuture(uint64 expiresAt);
    error ShareNotActive(bytes32 root, address grantee);
    error NoPayment();
    error PaymentTooLarge(uint256 amount);
    error InvalidDeadlines(uint32 replyBy, uint32 deliverBy);
    error PurchaseAlreadyExists(bytes32 purchaseId);
    error WrongState(bytes32 purchaseId, PurchaseState state);
    error DeadlinePassed(bytes32 purchaseId, uint32 deadline);
    error DeadlineNotPassed(bytes32 purchaseId, uint32 deadline);
    error InvalidShare(uint16 patientShareBps);
    error NotBuyer(bytes32 purchaseId, address account);
    error NotPurchaseHospital(bytes32 purchaseId, address account);
    error InvalidPatientCount(uint256 count);
    error PatientsNotStrictlyAscending(uint256 index);
    error NotManager(address account);
    error NotGroupManager(address account);
    error OpeningAlreadyApproved(bytes32 purchaseId, address manager);
    error OpeningNotApproved(bytes32 purchaseId);
    error NothingToWithdraw(address account);
    error TransferFailed(address account, uint256 amount);

    modifier onlyHospital() {
        if (!hospitals[msg.sender]) revert NotHospital(msg.sender);
        _;
    }

    constructor(address groupManager_, address revocationManager_, uint32 disputeWindow_) Ownable(msg.sender) {
        if (disputeWindow_ == 0) revert InvalidDisputeWindow();
        disputeWindow = disputeWindow_;
        _setManagers(groupManager_, revocationManager_);
    }

    // ---- administration ----

    function registerHospital(address hospital) external onlyOwner {
        if (hospital == address(0)) revert ZeroAddress();
        if (hospitals[hospital]) revert HospitalAlreadyRegistered(hospital);
        hospitals[hospital] = true;
        emit HospitalRegistered(hospital);
    }

    function removeHospital(address hospital) external onlyOwner {
        if (!hospitals[hospital]) revert NotHospital(hospital);
        hospitals[hospital] = false;
        emit HospitalRemoved(hospital);
    }

    /// @notice Rotates both managers; approvals given under the previous pair no longer count.
    function setManagers(address groupManager_, address revocationManager_) external onlyOwner {
        _setManagers(groupManager_, revocationManager_);
    }

    function _setManagers(address gm, address rm) private {
        if (gm == address(0) || rm == address(0)) revert ZeroAddress();
        if (gm == rm) revert ManagersMustDiffer(gm);
        groupManager = gm;
        revocationManager = rm;
        uint32 epoch = managersEpoch + 1;
        managersEpoch = epoch;
        emit ManagersChanged(gm, rm, epoch);
    }

    // ---- records ----

    /// @notice Anchors one record: its Merkle root, the sha2-256 digest of its CIDv0, the digest of its
    /// group signature and its patient, who owns it from now on.
    function anchorRecord(bytes32 root, bytes32 cidDigest, bytes32 signatureDigest, address patient)
        external
        onlyHospital
    {
        // Only the patient is checked here: a zero digest harms nobody but its hospital, and every
        // check is paid on each of the chain's busiest calls (the gateway refuses zero digests).
        if (patient == address(0)) revert ZeroAddress();
        _anchor(root, patient);
        emit RecordAnchored(root, cidDigest, signatureDigest);
    }

    /// @notice Anchors a Merkle root over many records' leaves (see `recordLeaf`); proofs stay off chain.
    function anchorBatch(bytes32 batchRoot, uint32 size, bytes32 manifestCidDigest) external onlyHospital {
        if (batchRoot == 0 || manifestCidDigest == 0) revert ZeroDigest();
        if (size == 0) revert EmptyBatch();
        if (batches[batchRoot].hospital != address(0)) revert BatchAlreadyAnchored(batchRoot);
        batches[batchRoot] = Batch(msg.sender, size, uint64(block.timestamp));
        emit BatchAnchored(batchRoot, msg.sender, size, manifestCidDigest);
    }

    /// @notice The leaf a batch commits to for one record (double hashed, as OpenZeppelin's Merkle trees).
    function recordLeaf(bytes32 root, bytes32 cidDigest, bytes32 signatureDigest, address patient)
        public
        pure
        returns (bytes32)
    {
        return keccak256(bytes.concat(keccak256(abi.encode(root, cidDigest, signatureDigest, patient))));
    }

    /// @notice True when `proof` shows the record is in an anchored batch.
    function verifyBatchedRecord(
        bytes32 batchRoot,
        bytes32 root,
        bytes32 cidDigest,
        bytes32 signatureDigest,
        address patient,
        bytes32[] calldata proof
    ) public view returns (bool) {
        return batches[batchRoot].hospital != address(0)
            && MerkleProof.verifyCalldata(proof, batchRoot, recordLeaf(root, cidDigest, signatureDigest, patient));
    }

    /// @notice Gives a batched record its own entry, so its patient can share it; anyone may pay for this.
    function claimBatchedRecord(
        bytes32 batchRoot,
        bytes32 root,
        bytes32 cidDigest,
        bytes32 signatureDigest,
        address patient,
        bytes32[] calldata proof
    ) external {
        if (!verifyBatchedRecord(batchRoot, root, cidDigest, signatureDigest, patient, proof)) revert InvalidProof();
        if (patient == address(0)) revert ZeroAddress();
        _anchor(root, patient);
        emit RecordAnchored(root, cidDigest, signatureDigest);
        emit BatchedRecordClaimed(root, batchRoot);
    }

    function _anchor(bytes32 root, address patient) private {
        if (patientOf[root] != address(0)) revert RecordAlreadyAnchored(root);
        patientOf[root] = patient;
    }

    // ---- shares (only the patient: a hospital must not consent on a patient's behalf) ----

    function grantShare(bytes32 root, address grantee, uint64 expiresAt) external {
        _requirePatient(root);
        if (grantee == address(0)) revert ZeroAddress();
        if (expiresAt <= block.timestamp) revert ExpiryNotInFuture(expiresAt);
        shareExpiry[root][grantee] = expiresAt;
        emit ShareGranted(root, grantee, expiresAt);
    }

    function revokeShare(bytes32 root, address grantee) external {
        _requirePatient(root);
        if (shareExpiry[root][grantee] <= block.timestamp) revert ShareNotActive(root, grantee);
        shareExpiry[root][grantee] = 0;
        emit ShareRevoked(root, grantee);
    }

    function hasShare(bytes32 root, address grantee) external view returns (bool) {
        return shareExpiry[root][grantee] > block.timestamp;
    }

    function _requirePatient(bytes32 root) private view {
        address patient = patientOf[root];
        if (patient == address(0)) revert RecordNotAnchored(root);
        if (patient != msg.sender) revert NotRecordPatient(root, msg.sender);
    }

    // ---- purchases ----

    /// @notice The id of the purchase `buyer` requests with `salt`: buyers pick salts, so a retried
    /// request finds its purchase instead of making a second one, and nobody can squat a buyer's id.
    function purchaseIdOf(address buyer, bytes32 salt) public pure returns (bytes32) {
        return keccak256(abi.encode(buyer, salt));
    }

    function requestPurchase(bytes32 salt, bytes32 templateDigest, uint32 replyBy, uint32 deliverBy)
        external
        payable
        returns (bytes32 purchaseId)
    {
        if (msg.value == 0) revert NoPayment();
        if (msg.value > type(uint80).max) revert PaymentTooLarge(msg.value);
        if (templateDigest == 0) revert ZeroDigest();
        if (replyBy <= block.timestamp || deliverBy <= replyBy) revert InvalidDeadlines(replyBy, deliverBy);
        purchaseId = purchaseIdOf(msg.sender, salt);
        Purchase storage p = purchases[purchaseId];
        if (p.state != PurchaseState.None) revert PurchaseAlreadyExists(purchaseId);
        p.buyer = msg.sender;
        p.amount = uint80(msg.value);
        p.phaseDeadline = replyBy;
        p.deliverBy = deliverBy;
        p.state = PurchaseState.Requested;
        emit PurchaseRequested(purchaseId, msg.sender, templateDigest, msg.value, replyBy, deliverBy);
    }

    /// @notice A registered hospital takes the purchase and fixes the patients' share of the payment.
    function replyPurchase(bytes32 purchaseId, uint16 patientShareBps) external onlyHospital {
        Purchase storage p = _inState(purchaseId, PurchaseState.Requested);
        if (block.timestamp > p.phaseDeadline) revert DeadlinePassed(purchaseId, p.phaseDeadline);
        if (patientShareBps > BPS) revert InvalidShare(patientShareBps);
        p.hospital = msg.sender;
        p.patientShareBps = patientShareBps;
        p.phaseDeadline = p.deliverBy;
        p.state = PurchaseState.Replied;
        emit PurchaseReplied(purchaseId, msg.sender, patientShareBps);
    }

    /// @notice A registered hospital turns a request down, or the replying hospital withdraws its offer
    /// before delivering (too few patients consented); the buyer is credited the escrow at once instead of
    /// waiting for the deadline.
    function declinePurchase(bytes32 purchaseId) external onlyHospital {
        Purchase storage p = purchases[purchaseId];
        if (p.state == PurchaseState.Replied) {
            if (msg.sender != p.hospital) revert NotPurchaseHospital(purchaseId, msg.sender);
        } else if (p.state != PurchaseState.Requested) {
            revert WrongState(purchaseId, p.state);
        }
        emit PurchaseDeclined(purchaseId, msg.sender);
        _refund(purchaseId, p);
    }

    /// @param patients the consenting patients, strictly ascending (so none is paid twice).
    function deliverPurchase(bytes32 purchaseId, bytes32 bundleDigest, address[] calldata patients) external {
        Purchase storage p = _inState(purchaseId, PurchaseState.Replied);
        if (msg.sender != p.hospital) revert NotPurchaseHospital(purchaseId, msg.sender);
        if (block.timestamp > p.phaseDeadline) revert DeadlinePassed(purchaseId, p.phaseDeadline);
        if (bundleDigest == 0) revert ZeroDigest();
        uint256 count = patients.length;
        if (count == 0 || count > MAX_PATIENTS_PER_DELIVERY) revert InvalidPatientCount(count);
        address previous = address(0);
        for (uint256 i = 0; i < count; ++i) {
            if (patients[i] <= previous) revert PatientsNotStrictlyAscending(i);
            previous = patients[i];
        }
        uint32 disputeBy = uint32(block.timestamp) + disputeWindow;
        p.bundleDigest = bundleDigest;
        p.patients = patients;
        p.phaseDeadline = disputeBy;
        p.state = PurchaseState.Delivered;
        emit PurchaseDelivered(purchaseId, bundleDigest, patients, disputeBy);
    }

    function acceptDelivery(bytes32 purchaseId) external {
        Purchase storage p = _inState(purchaseId, PurchaseState.Delivered);
        if (msg.sender != p.buyer) revert NotBuyer(purchaseId, msg.sender);
        emit PurchaseAccepted(purchaseId);
        _pay(purchaseId, p);
    }

    /// @notice After the dispute window, silence counts as acceptance; anyone may settle.
    function finalizePurchase(bytes32 purchaseId) external {
        Purchase storage p = _inState(purchaseId, PurchaseState.Delivered);
        if (block.timestamp <= p.phaseDeadline) revert DeadlineNotPassed(purchaseId, p.phaseDeadline);
        emit PurchaseFinalized(purchaseId);
        _pay(purchaseId, p);
    }

    /// @notice Refunds the buyer when no reply came by reply-by or no delivery by deliver-by; anyone may call.
    function refundExpired(bytes32 purchaseId) external {
        Purchase storage p = purchases[purchaseId];
        if (p.state != PurchaseState.Requested && p.state != PurchaseState.Replied) {
            revert WrongState(purchaseId, p.state);
        }
        if (block.timestamp <= p.phaseDeadline) revert DeadlineNotPassed(purchaseId, p.phaseDeadline);
        _refund(purchaseId, p);
    }

    // ---- disputes and dual-control opening ----

    /// @notice The buyer disputes a delivery within the window, naming the group signature to open.
    function disputeDelivery(bytes32 purchaseId, bytes32 signatureDigest) external {
        Purchase storage p = _inState(purchaseId, PurchaseState.Delivered);
        if (msg.sender != p.buyer) revert NotBuyer(purchaseId, msg.sender);
        if (block.timestamp > p.phaseDeadline) revert DeadlinePassed(purchaseId, p.phaseDeadline);
        if (signatureDigest == 0) revert ZeroDigest();
        p.state = PurchaseState.Disputed;
        openings[purchaseId].signatureDigest = signatureDigest;
        emit DisputeOpened(purchaseId, signatureDigest);
    }

    function approveOpening(bytes32 purchaseId) external {
        _inState(purchaseId, PurchaseState.Disputed);
        Opening storage o = openings[purchaseId];
        uint32 epoch = managersEpoch;
        if (msg.sender == groupManager) {
            if (o.gmApprovalEpoch == epoch) revert OpeningAlreadyApproved(purchaseId, msg.sender);
            o.gmApprovalEpoch = epoch;
        } else if (msg.sender == revocationManager) {
            if (o.rmApprovalEpoch == epoch) revert OpeningAlreadyApproved(purchaseId, msg.sender);
            o.rmApprovalEpoch = epoch;
        } else {
            revert NotManager(msg.sender);
        }
        emit OpeningApproved(purchaseId, msg.sender, epoch);
    }

    /// @notice The Group Manager, holder of the opening key, posts a commitment to the opening result
    /// and the verdict, once both managers approved: a valid delivery pays as acceptance, else the buyer
    /// is refunded.
    function resolveDispute(bytes32 purchaseId, bytes32 resultCommitment, bool deliveryValid) external {
        if (msg.sender != groupManager) revert NotGroupManager(msg.sender);
        Purchase storage p = _inState(purchaseId, PurchaseState.Disputed);
        Opening storage o = openings[purchaseId];
        uint32 epoch = managersEpoch;
        if (o.gmApprovalEpoch != epoch || o.rmApprovalEpoch != epoch) revert OpeningNotApproved(purchaseId);
        if (resultCommitment == 0) revert ZeroDigest();
        o.resultCommitment = resultCommitment;
        emit DisputeResolved(purchaseId, resultCommitment, deliveryValid);
        if (deliveryValid) {
            _pay(purchaseId, p);
        } else {
            _refund(purchaseId, p);
        }
    }

    /// @notice A dispute left without a verdict for a whole dispute window after dispute-by refunds the
    /// buyer: a delivery nobody could prove valid is not paid, and the escrow cannot stay locked; anyone may call.
    function refundUnresolvedDispute(bytes32 purchaseId) external {
        Purchase storage p = _inState(purchaseId, PurchaseState.Disputed);
        // disputeDelivery leaves phaseDeadline at dispute-by, so the verdict deadline needs no new storage.
        uint256 verdictBy = uint256(p.phaseDeadline) + disputeWindow;
        if (block.timestamp <= verdictBy) revert DeadlineNotPassed(purchaseId, uint32(verdictBy));
        _refund(purchaseId, p);
    }

    // ---- payments ----

    /// @notice Sends the caller everything credited to it.
    function withdraw() external nonReentrant {
        uint256 amount = credits[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        credits[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed(msg.sender, amount);
    }

    function patientsOf(bytes32 purchaseId) external view returns (address[] memory) {
        return purchases[purchaseId].patients;
    }

    /// Splits by the share fixed at reply; the division's remainder goes to the hospital, so no wei is left.
    function _pay(bytes32 purchaseId, Purchase storage p) private {
        p.state = PurchaseState.Settled;
        uint256 amount = p.amount;
        uint256 count = p.patients.length;
        uint256 perPatient = amount * p.patientShareBps / BPS / count;
        if (perPatient > 0) {
            for (uint256 i = 0; i < count; ++i) {
                _credit(purchaseId, p.patients[i], perPatient);
            }
        }
        _credit(purchaseId, p.hospital, amount - perPatient * count);
    }

    function _refund(bytes32 purchaseId, Purchase storage p) private {
        p.state = PurchaseState.Refunded;
        emit PurchaseRefunded(purchaseId, p.buyer, p.amount);
        _credit(purchaseId, p.buyer, p.amount);
    }

    function _credit(bytes32 purchaseId, address account, uint256 amount) private {
        if (amount == 0) return;
        credits[account] += amount;
        emit PaymentCredited(purchaseId, account, amount);
    }

    function _inState(bytes32 purchaseId, PurchaseState expected) private view returns (Purchase storage p) {
        p = purchases[purchaseId];
        if (p.state != expected) revert WrongState(purchaseId, p.state);
    }
}
