package org.healthhub.storage;

/**
 * A parent's view of a child node.
 *
 * @param cid the child block's CID
 * @param dagSize the child block's size plus its descendants' (dag-pb Tsize)
 * @param contentSize the file bytes below the child (UnixFS blocksize)
 */
record DagLink(Cid cid, long dagSize, long contentSize) {}
