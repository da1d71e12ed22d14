package eu.borderviolence.registry.api.error;

import java.util.List;

/** A request the API refuses before it reaches the domain, with the fields at fault. Answered with 400. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String field, String message) {
        this("The request is not valid.", List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One thing wrong with one field. The message never repeats the rejected value. */
    public record FieldProblem(String field, String message) {
    }
}
