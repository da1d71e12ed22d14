package eu.borderviolence.registry.api.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.projections.ViewServing;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every refusal into RFC 9457 problem details. Bad input gets a 4xx naming the fields at fault, never the
 * values: a value may be a witness's personal data, and responses and logs must not carry it. Anything unexpected is
 * a 500 that says nothing but the correlation id, and is logged without request content.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage()),
                e.problems());
    }

    /** A value type refused its own construction, for example in a query parameter. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException e) {
        return problem(HttpStatus.CONFLICT, "refused", "Refused in the incident's current state", e.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                "The incident is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                        + ". Read it again, check the changes, and resend with the current version in If-Match.");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    /** Two writers changed the same incident at the same moment; the loser may retry after reading again. */
    @ExceptionHandler({ConflictingModificationException.class, AggregateStreamCreationException.class,
            org.axonframework.modelling.command.ConcurrencyException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "Someone else changed the same record at the same time. Read it again and retry.");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No incident with id " + e.getAggregateIdentifier() + " is in the registry.");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
                e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large", e.getMessage());
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail preconditionRequired(PreconditionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                e.getMessage());
    }

    @ExceptionHandler(ConsistencyTimeoutException.class)
    ResponseEntity<ProblemDetail> consistencyTimeout(ConsistencyTimeoutException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "views-behind", "Views behind", e.getMessage()));
    }

    @ExceptionHandler(FiguresComputingException.class)
    ResponseEntity<ProblemDetail> figuresComputing(FiguresComputingException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "figures-computing", "Figures being computed",
                        e.getMessage()));
    }

    @ExceptionHandler(ViewRebuildingException.class)
    ResponseEntity<ProblemDetail> viewRebuilding(ViewRebuildingException e) {
        ProblemDetail problem = viewRebuilding(e.getMessage());
        problem.setProperty("percentDone", new java.util.TreeMap<>(e.percentDone()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    /**
     * A view's read found it being rebuilt each time it read, though the guard, asked after each, found it serving: a
     * rebuild requested and caught up, then another, between them. Answered as the guard answers, without progress.
     */
    @ExceptionHandler(ViewServing.Rebuilding.class)
    ResponseEntity<ProblemDetail> viewRebuilding(ViewServing.Rebuilding e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(viewRebuilding(ViewRebuildingException.detail(List.of(e.view()))));
    }

    private static ProblemDetail viewRebuilding(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "view-rebuilding", "View being rebuilt", detail);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.type(), "Conflict", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = describeFormat(e);
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request is not valid."), List.of(new InvalidRequestException.FieldProblem(e.getName(), message)));
    }

    /**
     * What the parameter should look like. Enum names are listed; our value types' own messages are used, since they
     * describe the format without quoting the value; anything else (a library's message may quote the value or name
     * a Java class) gets a generic wording.
     */
    private static String describeFormat(MethodArgumentTypeMismatchException e) {
        return describeFormat(e.getRequiredType(), e);
    }

    private static String describeFormat(Class<?> type, TypeMismatchException e) {
        if (type != null && type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        Throwable cause = e.getMostSpecificCause();
        boolean ours = cause instanceof IllegalArgumentException && cause != e && cause.getStackTrace().length > 0
                && cause.getStackTrace()[0].getClassName().startsWith("eu.borderviolence.registry.");
        return ours ? cause.getMessage() : "has the wrong format";
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // Only the type and where it happened: an exception message may quote request content.
        log.error("Unexpected {} at {}", e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The registry could not complete the request. Nothing partial was stored; quote the correlation id "
                        + "when you report this.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        PayloadTooLargeException tooLarge = causeOfType(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request body is not valid.");
        JsonMappingException mapping = causeOfType(e, JsonMappingException.class);
        if (causeOfType(e, JsonParseException.class) != null || mapping != null && endOfInput(mapping)) {
            problem.setDetail("The request body is not well-formed JSON.");
        } else if (mapping != null) {
            return ResponseEntity.badRequest().body(withErrors(problem,
                    List.of(new InvalidRequestException.FieldProblem(path(mapping), describe(mapping)))));
        } else {
            problem.setDetail("The request body is missing or unreadable.");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<InvalidRequestException.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldProblem(error.getField(), message(error)))
                .toList();
        return ResponseEntity.badRequest().body(withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "The request is not valid."), problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<InvalidRequestException.FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error ->
                        new InvalidRequestException.FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "The request is not valid."), problems));
    }

    /**
     * What is wrong with a bound field. A value that could not be converted gets the same wording as a query
     * parameter (the allowed codes, or our value type's own message); Spring's default message would quote it.
     */
    private static String message(FieldError error) {
        if (error.isBindingFailure()) {
            TypeMismatchException mismatch = error.contains(TypeMismatchException.class)
                    ? error.unwrap(TypeMismatchException.class) : null;
            return mismatch == null ? "has the wrong format" : describeFormat(mismatch.getRequiredType(), mismatch);
        }
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    /** What is wrong with a value, told without the value. */
    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            Throwable cause = e.getCause();
            return cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? cause.getMessage() : "is not valid";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "unknown code; allowed: " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            return "has the wrong format for " + typeName(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + typeName(mismatch.getTargetType());
        }
        return "is not valid";
    }

    /** A body cut short, which Jackson reports as a mapping problem when it ends inside an object. */
    private static boolean endOfInput(JsonMappingException e) {
        return e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().contains("end-of-input");
    }

    private static String typeName(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "YearMonth" -> "a month (YYYY-MM)";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> type.isEnum() ? "one of the listed codes" : "an object of the documented shape";
        };
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<InvalidRequestException.FieldProblem> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
