package org.healthhub.storage;

/**
 * What a put stored: the blob's CID and its size in bytes (the content, not the DAG).
 *
 * @param cid the CIDv0 Kubo gives the same bytes with its defaults
 * @param size content length in bytes
 */
public record StoredBlob(Cid cid, long size) {}
