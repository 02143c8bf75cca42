package io.mlconnector.testkit.freshbooks;

/** A FreshBooks business-rule failure (errno + field), raised by the Java API and answered as 4xx over HTTP. */
public final class FreshBooksValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int status;
    /** FreshBooks' error number. */
    private final int errno;
    /** The field in error. */
    private final String field;
    /** The object in error. */
    private final String object;
    /** The rejected value. */
    private final String value;

    /**
     * A failure answered with HTTP {@code status}.
     *
     * @param status the status
     * @param errno the errno
     * @param object the object
     * @param field the field
     * @param value the value
     * @param message what went wrong
     */
    public FreshBooksValidationException(int status, int errno, String object, String field, String value,
                                         String message) {
        super(message);
        this.status = status;
        this.errno = errno;
        this.object = object;
        this.field = field;
        this.value = value;
    }

    /** A 422 with errno 1001 (required field). */
    static FreshBooksValidationException required(String object, String field) {
        return new FreshBooksValidationException(422, 1001, object, field, "", "Required field " + field + " missing.");
    }

    /** A 422 with errno 1004 (invalid value). */
    static FreshBooksValidationException invalid(String object, String field, Object value, String message) {
        return new FreshBooksValidationException(422, 1004, object, field, String.valueOf(value), message);
    }

    /** A 404 with errno 1012 (unknown resource). */
    static FreshBooksValidationException notFound(String object, String field, Object value) {
        String name = object.isEmpty() ? "Resource" : Character.toUpperCase(object.charAt(0)) + object.substring(1)
            .replace('_', ' ');
        return new FreshBooksValidationException(404, 1012, object, field, String.valueOf(value), name + " not found.");
    }

    /**
     * HTTP status to answer.
     *
     * @return HTTP status to answer
     */
    public int status() {
        return status;
    }

    /**
     * FreshBooks errno.
     *
     * @return freshBooks errno
     */
    public int errno() {
        return errno;
    }

    /**
     * Field concerned, may be empty.
     *
     * @return field concerned, may be empty
     */
    public String field() {
        return field;
    }

    /**
     * Object type concerned, may be empty.
     *
     * @return object type concerned, may be empty
     */
    public String object() {
        return object;
    }

    /**
     * Offending value, may be empty.
     *
     * @return the value
     */
    public String value() {
        return value;
    }
}
