package io.predictionbatch.model.binding;

/**
 * Why one value could not be bound, returned instead of thrown: bad records are common in a large
 * file and an exception per bad field would cost more than binding the good ones.
 *
 * @param value the offending value as text, or {@code null} when there was none
 * @param reason the explanation, phrased to follow the value ({@code is not a number})
 */
record Rejection(String value, String reason) {
}
