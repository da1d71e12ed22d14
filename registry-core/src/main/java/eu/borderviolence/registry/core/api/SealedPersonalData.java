package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Personal data as the event store holds it: encrypted with the data key of one witness ({@code keyId}, the
 * testimony's id), so that destroying that key makes it unreadable everywhere it was ever copied. {@code algorithm}
 * names the cipher ({@code AES-256-GCM}); {@code nonce} and {@code data} are Base64. The registry itself never
 * stores the key beside the data: keys are kept wrapped by a master key the service gets from its configuration.
 *
 * <p>{@code algorithm = "NONE"} marks witness data stored before encryption existed (revision 1 of
 * {@link TestimonyRecordedEvent}): {@code data} is then the plain JSON, Base64-encoded, and no key can erase it.
 */
@Schema(description = "Personal data encrypted with its witness's data key; unreadable once the key is destroyed.")
public record SealedPersonalData(
        @Schema(description = "The data key's id: the testimony's id.") String keyId,
        @Schema(description = "The cipher: AES-256-GCM (NONE for data stored before encryption).") String algorithm,
        @Schema(description = "The cipher's nonce, Base64.") String nonce,
        @Schema(description = "The encrypted data, Base64.") String data) {

    public static final String AES_GCM = "AES-256-GCM";
    public static final String NONE = "NONE";

    @Override
    public String toString() {
        return "SealedPersonalData[" + keyId + ", " + algorithm + "]";
    }
}
