package eu.borderviolence.registry.api.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's integrity check over the whole event store. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Page through the raw event stream and verify it was not altered.")
public class IntegrityController {

    private final ChainVerifier verifier;

    IntegrityController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @Operation(summary = "Verify the event store's hash chain",
            description = "Recomputes the hash of every stored event and the chain that binds each to its "
                    + "predecessor, and reports the first broken link: an altered, deleted or inserted event. "
                    + "Reads the whole store; on a large registry it takes a while.")
    @GetMapping("/verify")
    public ChainVerification verify() {
        return verifier.verify();
    }
}
