package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.rest.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The auditor's control of the views: where each stands, and rebuilding them from the event store. */
@RestController
@RequestMapping(path = "/api/v1/views", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "View rebuilds", description = "Progress of the views and their rebuild from the event store.")
public class ViewStatusController {

    private final ViewRebuilds rebuilds;

    ViewStatusController(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Where every view stands",
            description = "Per view: LIVE or REBUILDING, its position, the head of the event stream, how many events "
                    + "it is behind, and the progress of a rebuild under way.")
    @GetMapping("/status")
    public List<ViewStatus> statuses() {
        return rebuilds.statuses();
    }

    @Operation(summary = "Where one view stands")
    @GetMapping("/status/{view}")
    public ViewStatus status(@Parameter(description = "The view's name.", example = "incident-facts")
                             @PathVariable String view) {
        return rebuilds.status(view);
    }

    @Operation(summary = "Rebuild views from the event store",
            description = "Empties the views named (all when none is named) and replays every stored event into "
                    + "them. Answers at once; the views answer 503 until their replay is done. 409 if one of them "
                    + "is already being rebuilt.")
    @ApiResponse(responseCode = "202", description = "Started. Location is the status of the views.")
    @PostMapping(path = "/rebuilds", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<List<ViewStatus>> rebuild(@RequestBody RebuildRequest request, Caller caller) {
        List<ViewStatus> started = rebuilds.rebuild(request.views(), caller.actor());
        return ResponseEntity.accepted().location(URI.create("/api/v1/views/status")).body(started);
    }
}
