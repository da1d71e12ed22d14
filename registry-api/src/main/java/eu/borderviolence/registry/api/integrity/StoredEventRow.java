package eu.borderviolence.registry.api.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An event exactly as the event table stores it: what the chain binds. */
record StoredEventRow(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                      String type, String timestamp, String payloadType, String payloadRevision, byte[] payload,
                      byte[] metaData) {

    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    static StoredEventRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredEventRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
    }

    /**
     * SHA-256 over every column, each preceded by its length (-1 for null), so no two different rows hash alike by
     * moving bytes from one column to the next.
     */
    String hash() {
        MessageDigest digest = sha256();
        digest.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        field(digest, eventIdentifier);
        field(digest, aggregateIdentifier);
        digest.update(ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        field(digest, type);
        field(digest, timestamp);
        field(digest, payloadType);
        field(digest, payloadRevision);
        field(digest, payload);
        field(digest, metaData);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The chain hash of a link: SHA-256 over the previous link's chain hash and this event's hash. */
    static String link(String previousChainHash, String eventHash) {
        MessageDigest digest = sha256();
        field(digest, previousChainHash);
        field(digest, eventHash);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The chain hash before the first event. */
    static final String GENESIS = HexFormat.of().formatHex(sha256().digest(
            "pushback incident registry event chain".getBytes(StandardCharsets.UTF_8)));

    private static void field(MessageDigest digest, String value) {
        field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
