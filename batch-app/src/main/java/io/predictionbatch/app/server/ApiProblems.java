package io.predictionbatch.app.server;

import java.util.Arrays;
import java.util.UUID;

import io.predictionbatch.app.input.InvalidInputException;
import io.predictionbatch.app.launch.JobNotFoundException;
import io.predictionbatch.app.launch.JobStateException;
import io.predictionbatch.app.server.RecordBodies.BadRequestException;
import io.predictionbatch.app.task.TaskAlreadyRanException;
import io.predictionbatch.app.task.TaskNotFoundException;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import io.predictionbatch.model.registry.UnknownModelException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}) whose detail
 * says what was wrong and what to do; never a stack trace. Unexpected failures are logged with
 * theirs and answered 500 with a pointer to the log.
 */
@RestControllerAdvice
@ConditionalOnWebApplication
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiProblems.class);

    @ExceptionHandler({UnknownModelException.class, TaskNotFoundException.class, JobNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TaskAlreadyRanException.class)
    ProblemDetail alreadyRan(TaskAlreadyRanException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("state", e.task().state());
        return problem;
    }

    @ExceptionHandler(JobStateException.class)
    ProblemDetail jobState(JobStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("status", e.status());
        return problem;
    }

    @ExceptionHandler(PathNotAllowedException.class)
    ProblemDetail pathNotAllowed(PathNotAllowedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** A launch request whose input the job cannot read as asked: missing, empty, without the model's columns. */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("The job cannot read its input or write its output");
        return problem;
    }

    /** The model refused the record: the violations name each bad field, its value and why. */
    @ExceptionHandler(SchemaValidationException.class)
    ProblemDetail schemaViolation(SchemaValidationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Record breaks the model's input schema");
        problem.setProperty("violations", e.violations());
        return problem;
    }

    @ExceptionHandler(ModelException.class)
    ProblemDetail modelRefused(ModelException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("The model cannot predict this record");
        return problem;
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badArgument(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid "
                + e.getName() + (e.getRequiredType() == null ? "" : " (" + expected(e.getRequiredType()) + ")"));
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail unavailable(DataAccessException e) {
        log.warn("Request failed on the job repository or Redis", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The job repository database or Redis cannot be reached now; try again shortly");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed on this request: " + e.getClass().getSimpleName() + "; the server's log has the"
                        + " details");
    }

    /** A body that is not JSON (or too large to read): say which, with the parser's reason. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()),
                        request);
            }
        }
        String reason = e.getMostSpecificCause().getMessage();
        String firstLine = reason == null ? "it is empty" : reason.lines().findFirst().orElse(reason);
        return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not a JSON object: " + firstLine), request);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
        return handleExceptionInternal(new IllegalArgumentException(problem.getDetail()), problem, new HttpHeaders(),
                HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return type == UUID.class ? "a task id is a UUID" : type.getSimpleName();
    }
}
